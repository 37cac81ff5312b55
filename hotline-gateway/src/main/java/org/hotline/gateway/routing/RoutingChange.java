package org.hotline.gateway.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.AssignmentPolicy.Decision;
import org.hotline.gateway.routing.RoutingEvent.ContactAbandoned;
import org.hotline.gateway.routing.RoutingEvent.ContactAnswered;
import org.hotline.gateway.routing.RoutingEvent.ContactOverflowed;
import org.hotline.gateway.routing.RoutingEvent.ContactTimedOut;
import org.hotline.gateway.routing.RoutingEvent.ContactUnroutable;
import org.hotline.gateway.routing.RoutingEvent.OfferMade;
import org.hotline.gateway.routing.RoutingEvent.OfferWithdrawn;
import org.hotline.gateway.routing.RoutingEvent.PresenceChanged;

/** A mutable working copy of the routing state for one operation of the {@link Router}, and the dispatch after it. */
final class RoutingChange {

    private final Router router;
    final RoutingState before;
    final Instant now;
    final Map<String, OfficerStatus> officers = new TreeMap<>();
    final Map<String, List<QueuedContact>> queues = new TreeMap<>();
    final Map<String, TeamOverride> overrides;
    final Map<String, Duration> handleTimes;
    final Map<String, String> reasons = new HashMap<>();
    final List<RoutingEvent> events = new ArrayList<>();

    RoutingChange(Router router, RoutingState state, Instant now) {
        this.router = router;
        this.before = state;
        this.now = now;
        router.directory.officers().forEach(o -> officers.put(o.id(), router.statusOf(state, o.id())));
        state.queues().forEach((team, queue) -> queues.put(team, new ArrayList<>(queue)));
        this.overrides = new HashMap<>(state.overrides());
        this.handleTimes = new HashMap<>(state.handleTimes());
    }

    OfficerStatus officer(String id) {
        OfficerStatus status = officers.get(id);
        if (status == null) {
            throw new IllegalArgumentException("unknown officer " + id);
        }
        return status;
    }

    List<QueuedContact> queue(String team) {
        return queues.computeIfAbsent(team, t -> new ArrayList<>());
    }

    Optional<QueuedContact> find(String contactId) {
        return queues.values().stream().flatMap(List::stream).filter(c -> c.contactId().equals(contactId)).findFirst();
    }

    List<QueuedContact> allWaiting() {
        return queues.values().stream().flatMap(List::stream).sorted(QueuedContact::queueOrder).toList();
    }

    void remove(QueuedContact contact) {
        queue(contact.team()).removeIf(c -> c.contactId().equals(contact.contactId()));
    }

    void replace(QueuedContact contact) {
        List<QueuedContact> queue = queue(contact.team());
        queue.replaceAll(c -> c.contactId().equals(contact.contactId()) ? contact : c);
    }

    void withdraw(QueuedContact contact, String reason, boolean missed) {
        String officerId = contact.offeredTo();
        OfficerStatus status = officer(officerId).offerCleared(missed);
        if (missed && status.missedOffers() >= router.policy.missedOffersBeforeAway()) {
            status = status.withDeclared(Presence.AWAY);
            reasons.put(officerId, status.missedOffers() + " offers missed in a row");
        }
        officers.put(officerId, status);
        replace(contact.offerEnded(missed));
        events.add(new OfferWithdrawn(0, contact.contactId(), officerId, contact.team(), reason));
    }

    void dispatch() {
        for (QueuedContact contact : allWaiting()) {
            if (contact.offeredTo() != null) {
                continue;
            }
            Decision decision = AssignmentPolicy.decide(contact, router.directory, officers, now, router.policy.chatCapacity());
            switch (decision) {
                case AssignmentPolicy.Offer offer -> {
                    if (contact.channel() == Channel.CHAT) {
                        // a conversation is assigned at once: the officer finds it in the inbox
                        remove(contact);
                        officers.put(offer.officerId(), officer(offer.officerId()).answered(Channel.CHAT));
                        events.add(new ContactAnswered(0, contact.contactId(), offer.officerId(), Channel.CHAT, contact.team(),
                                Duration.between(contact.enqueuedAt(), now), Duration.ZERO));
                    } else {
                        replace(contact.offered(offer.officerId(), now));
                        officers.put(offer.officerId(), officer(offer.officerId()).offered(contact.contactId(), now));
                        events.add(new OfferMade(0, contact.contactId(), offer.officerId(), contact.channel(), contact.team(),
                                contact.language(), contact.topic(), contact.priority() == org.hotline.gateway.flow.Node.Priority.URGENT));
                    }
                }
                case AssignmentPolicy.Overflow overflow -> {
                    remove(contact);
                    events.add(new ContactOverflowed(0, contact.contactId(), contact.team(), String.join(",", overflow.numbers())));
                }
                case AssignmentPolicy.Nobody nobody -> {
                    remove(contact);
                    events.add(new ContactUnroutable(0, contact.contactId(), contact.team()));
                }
                case AssignmentPolicy.Wait wait -> {
                    // stays in the queue
                }
            }
        }
    }

    Router.Outcome dispatchAndFinish() {
        dispatch();
        announcePresence();
        return finish(false);
    }

    void announcePresence() {
        officers.replaceAll((id, status) -> {
            Presence now = status.effective(this.now, router.policy.chatCapacity());
            if (now != status.announced()) {
                events.add(new PresenceChanged(0, id, status.announced(), now, reasons.getOrDefault(id, "")));
                return status.announcing(now);
            }
            return status;
        });
    }

    Router.Outcome unchanged() {
        return new Router.Outcome(before, List.of());
    }

    Router.Outcome finish(boolean forceChange) {
        queues.values().removeIf(List::isEmpty);
        RoutingState candidate = new RoutingState(before.version(), officers, queues, overrides, handleTimes);
        if (!forceChange && events.isEmpty() && candidate.equals(before)) {
            return unchanged();
        }
        long version = before.version() + 1;
        List<RoutingEvent> versioned = events.stream().map(e -> withVersion(e, version)).toList();
        return new Router.Outcome(new RoutingState(version, officers, queues, overrides, handleTimes), versioned);
    }

    private static RoutingEvent withVersion(RoutingEvent e, long v) {
        return switch (e) {
            case OfferMade x -> new OfferMade(v, x.contactId(), x.officerId(), x.channel(), x.team(), x.language(), x.topic(), x.urgent());
            case RoutingEvent.ContactQueued x -> new RoutingEvent.ContactQueued(v, x.contactId(), x.channel(), x.team());
            case OfferWithdrawn x -> new OfferWithdrawn(v, x.contactId(), x.officerId(), x.team(), x.reason());
            case ContactAnswered x -> new ContactAnswered(v, x.contactId(), x.officerId(), x.channel(), x.team(), x.queueWait(), x.ringTime());
            case ContactOverflowed x -> new ContactOverflowed(v, x.contactId(), x.team(), x.number());
            case ContactUnroutable x -> new ContactUnroutable(v, x.contactId(), x.team());
            case ContactTimedOut x -> new ContactTimedOut(v, x.contactId(), x.team(), x.queueWait());
            case ContactAbandoned x -> new ContactAbandoned(v, x.contactId(), x.team(), x.queueWait());
            case PresenceChanged x -> new PresenceChanged(v, x.officerId(), x.from(), x.to(), x.reason());
        };
    }
}
