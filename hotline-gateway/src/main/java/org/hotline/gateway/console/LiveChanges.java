package org.hotline.gateway.console;

import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.chat.InboxChange;
import org.hotline.gateway.interpreter.InterpreterEvent;
import org.hotline.gateway.chat.InboxEvents;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.RoutingEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Relays to the consoles, over the inbox's event stream, what conversations' own events do not say:
 * that a team's queue changed (a call joined it, rings for someone, was answered or left), so the
 * waiting calls on their pages stay true ({@code queue}, to the team); and that an officer's call
 * screen changed, its interpreter included ({@code call}, to that officer); and an officer's presence ({@code presence}, to
 * them and the supervisors). Ids and the team only, like every inbox event.
 */
@Component
class LiveChanges {

    private final InboxEvents events;

    LiveChanges(InboxEvents events) {
        this.events = events;
    }

    @EventListener
    void on(RoutingEvent event) {
        switch (event) {
            case RoutingEvent.ContactQueued queued when queued.channel() == Channel.VOICE -> publish(queued.contactId(), queued.team(), "queued");
            case RoutingEvent.OfferMade offer when offer.channel() == Channel.VOICE -> publish(offer.contactId(), offer.team(), "offered");
            case RoutingEvent.OfferWithdrawn withdrawn -> publish(withdrawn.contactId(), withdrawn.team(), "waiting");
            case RoutingEvent.ContactAnswered answered when answered.channel() == Channel.VOICE ->
                    publish(answered.contactId(), answered.team(), "answered");
            case RoutingEvent.ContactAbandoned abandoned -> publish(abandoned.contactId(), abandoned.team(), "abandoned");
            case RoutingEvent.ContactTimedOut timedOut -> publish(timedOut.contactId(), timedOut.team(), "timed-out");
            case RoutingEvent.ContactOverflowed overflowed -> publish(overflowed.contactId(), overflowed.team(), "overflowed");
            // to the officer and the supervisors (whose wallboard shows it)
            case RoutingEvent.PresenceChanged presence -> events.publish(new InboxChange("presence", presence.officerId(), null,
                    presence.officerId(), presence.to().wireName(), null));
            default -> { }
        }
    }

    @EventListener
    void on(CallScreens.Changed changed) {
        events.publish(new InboxChange("call", changed.callId(), null, changed.officerId(), changed.stage(), null));
    }

    /** The interpreter of the officer's call: their call screen is redrawn (and says it at once when nobody comes). */
    @EventListener
    void on(InterpreterEvent event) {
        events.publish(new InboxChange("call", event.callId(), null, event.officerId(), "interpreter-" + event.stage(), null));
    }

    private void publish(String contactId, String team, String status) {
        events.publish(new InboxChange("queue", contactId, team, null, status, null));
    }
}
