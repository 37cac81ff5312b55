package org.hotline.gateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.RoutingEvent.ContactAbandoned;
import org.hotline.gateway.routing.RoutingEvent.ContactAnswered;
import org.hotline.gateway.routing.RoutingEvent.ContactTimedOut;
import org.hotline.gateway.routing.RoutingEvent.OfferWithdrawn;

/**
 * Routing as pure functions: each operation takes the state and an instant, and returns the new
 * state and the events it caused. No clock, store or lock here; {@link RoutingService} brings them.
 * After every change, waiting contacts are dispatched again, urgent first, then the longest waiting.
 */
public final class Router {

    final HotlineDirectory directory;
    final HotlineConfig.RoutingPolicy policy;
    private final Presence initialPresence;

    public Router(HotlineDirectory directory, Presence initialPresence) {
        this.directory = directory;
        this.policy = directory.config().routing();
        this.initialPresence = initialPresence;
    }

    public record Outcome(RoutingState state, List<RoutingEvent> events) {
        public Outcome {
            events = List.copyOf(events);
        }

        public boolean changed(RoutingState before) {
            return state.version() != before.version();
        }
    }

    /** Puts a contact in its team's queue and tries to place it; a contact already queued is left as it is. */
    public Outcome enqueue(RoutingState state, QueuedContact contact, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        if (w.find(contact.contactId()).isPresent()) {
            return w.unchanged();
        }
        w.queue(contact.team()).add(contact);
        w.events.add(new RoutingEvent.ContactQueued(0, contact.contactId(), contact.channel(), contact.team()));
        return w.dispatchAndFinish();
    }

    /** The officer accepted the offer (pressed 1, picked up). Too late, or not theirs: nothing changes. */
    public Outcome answered(RoutingState state, String contactId, String officerId, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        Optional<QueuedContact> found = w.find(contactId);
        if (found.isEmpty() || !officerId.equals(found.get().offeredTo())) {
            return w.unchanged();
        }
        QueuedContact contact = found.get();
        w.remove(contact);
        w.officers.put(officerId, w.officer(officerId).answered(contact.channel()));
        w.events.add(new ContactAnswered(0, contactId, officerId, contact.channel(), contact.team(),
                Duration.between(contact.enqueuedAt(), now), Duration.between(contact.offeredAt(), now)));
        return w.dispatchAndFinish();
    }

    /**
     * An officer takes a conversation themselves (or a supervisor gives it to them): out of the queue
     * if it waits there, and counted against the officer's chat capacity either way.
     */
    public Outcome take(RoutingState state, String contactId, String officerId, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        Optional<QueuedContact> found = w.find(contactId);
        if (found.isPresent()) {
            QueuedContact contact = found.get();
            if (contact.offeredTo() != null) {
                w.withdraw(contact, "taken by " + officerId, false);
            }
            w.remove(contact);
            w.events.add(new ContactAnswered(0, contactId, officerId, contact.channel(), contact.team(),
                    Duration.between(contact.enqueuedAt(), now), Duration.ZERO));
        }
        w.officers.put(officerId, w.officer(officerId).answered(Channel.CHAT));
        return w.dispatchAndFinish();
    }

    /** The offer rang out or was declined: the next officer is tried; too many misses mark the officer away. */
    public Outcome noAnswer(RoutingState state, String contactId, String officerId, String reason, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        Optional<QueuedContact> found = w.find(contactId);
        if (found.isEmpty() || !officerId.equals(found.get().offeredTo())) {
            return w.unchanged();
        }
        w.withdraw(found.get(), reason, true);
        return w.dispatchAndFinish();
    }

    /** The caller hung up while waiting. */
    public Outcome abandon(RoutingState state, String contactId, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        Optional<QueuedContact> found = w.find(contactId);
        if (found.isEmpty()) {
            return w.unchanged();
        }
        QueuedContact contact = found.get();
        if (contact.offeredTo() != null) {
            w.officers.put(contact.offeredTo(), w.officer(contact.offeredTo()).offerCleared(false));
            w.events.add(new OfferWithdrawn(0, contactId, contact.offeredTo(), contact.team(), "caller hung up"));
        }
        w.remove(contact);
        w.events.add(new ContactAbandoned(0, contactId, contact.team(), Duration.between(contact.enqueuedAt(), now)));
        return w.dispatchAndFinish();
    }

    /** A call or conversation of the officer ended; after a call comes the wrap-up time. */
    public Outcome ended(RoutingState state, String officerId, Channel channel, String team, Duration talkTime, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        Instant freeAgain = channel == Channel.VOICE ? now.plus(policy.wrapUp()) : now;
        w.officers.put(officerId, w.officer(officerId).ended(channel, freeAgain));
        if (channel == Channel.VOICE && team != null && talkTime != null) {
            Duration handle = talkTime.plus(policy.wrapUp());
            Duration previous = w.handleTimes.get(team);
            w.handleTimes.put(team, previous == null ? handle : previous.multipliedBy(4).plus(handle).dividedBy(5));
        }
        return w.dispatchAndFinish();
    }

    /** An officer (or a supervisor) sets their presence; going away withdraws an offer that is ringing. */
    public Outcome setPresence(RoutingState state, String officerId, Presence presence, String reason, Instant now) {
        if (presence == Presence.BUSY) {
            throw new IllegalArgumentException("busy is not declared: it follows from calls, chats and wrap-up");
        }
        RoutingChange w = new RoutingChange(this, state, now);
        OfficerStatus status = w.officer(officerId);
        if (status.declared() == presence) {
            return w.unchanged();
        }
        if (presence != Presence.AVAILABLE && status.offeredContact() != null) {
            w.find(status.offeredContact()).ifPresent(c -> w.withdraw(c, "officer is " + presence.wireName(), false));
        }
        w.officers.put(officerId, w.officer(officerId).withDeclared(presence));
        w.reasons.put(officerId, reason);
        return w.dispatchAndFinish();
    }

    public Outcome override(RoutingState state, String team, TeamOverride override, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        if (override == null) {
            w.overrides.remove(team);
        } else {
            w.overrides.put(team, override);
        }
        return w.finish(true);
    }

    /** Time passing: offers that rang out, calls that waited too long, wrap-ups that ended. */
    public Outcome tick(RoutingState state, Instant now) {
        RoutingChange w = new RoutingChange(this, state, now);
        for (QueuedContact contact : w.allWaiting()) {
            if (contact.offeredTo() != null) {
                if (!now.isBefore(contact.offeredAt().plus(policy.ringTimeout()))) {
                    w.withdraw(contact, "rang out", true);
                }
            } else if (contact.channel() == Channel.VOICE && !now.isBefore(contact.enqueuedAt().plus(policy.maxQueueWait()))) {
                w.remove(contact);
                w.events.add(new ContactTimedOut(0, contact.contactId(), contact.team(), Duration.between(contact.enqueuedAt(), now)));
            }
        }
        return w.dispatchAndFinish();
    }

    /** Position (1-based) of a waiting contact in its team's queue, urgent first. */
    public static Optional<Integer> position(RoutingState state, String contactId) {
        for (List<QueuedContact> queue : state.queues().values()) {
            List<QueuedContact> ordered = queue.stream().sorted(QueuedContact::queueOrder).toList();
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).contactId().equals(contactId)) {
                    return Optional.of(i + 1);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An honest estimate of the wait: position over the officers present, times the team's recent
     * handle time. Empty when there is nothing to base it on: better no estimate than a wrong one.
     */
    public Optional<Duration> estimatedWait(RoutingState state, String contactId) {
        Optional<Integer> position = position(state, contactId);
        Optional<QueuedContact> contact = state.queues().values().stream().flatMap(List::stream)
                .filter(c -> c.contactId().equals(contactId)).findFirst();
        if (position.isEmpty() || contact.isEmpty()) {
            return Optional.empty();
        }
        Duration handle = state.handleTimes().get(contact.get().team());
        long present = directory.officers().stream()
                .filter(o -> o.teams().contains(contact.get().team()))
                .filter(o -> statusOf(state, o.id()).present()).count();
        if (handle == null || present == 0) {
            return Optional.empty();
        }
        long rounds = (position.get() + present - 1) / present;
        return Optional.of(handle.multipliedBy(rounds));
    }

    public OfficerStatus statusOf(RoutingState state, String officerId) {
        OfficerStatus status = state.officers().get(officerId);
        return status != null ? status : OfficerStatus.initial(officerId, initialPresence);
    }

}
