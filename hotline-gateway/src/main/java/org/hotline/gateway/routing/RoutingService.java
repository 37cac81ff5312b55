package org.hotline.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.LockManager.HeldLock;
import org.hotline.gateway.state.SessionStore;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing shared by every gateway instance: the state is one document in the state store, read and
 * written only under the routing lock, so an assignment is decided once, by one instance, on the
 * latest state. Events are published after the lock is released, so slow listeners (placing an
 * officer's call) never hold it.
 */
public class RoutingService {

    static final String STATE_KEY = "routing:state";
    static final String LOCK = "routing";
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Duration KEEP = Duration.ofDays(30);

    private final SessionStore store;
    private final LockManager locks;
    private final Router router;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    /** The overrides as this instance last read or wrote them, and when (System.nanoTime). */
    private volatile KnownOverrides known;

    private record KnownOverrides(java.util.Map<String, TeamOverride> byTeam, long readAt) {}

    /**
     * How old the overrides a new contact is started from may be: a supervisor's change made on
     * another instance reaches this one within it; this instance's own changes at once. It spares
     * every first step reading (and decrypting) the whole routing document for one fact.
     */
    static final Duration OVERRIDES_FRESH = Duration.ofSeconds(1);

    public RoutingService(SessionStore store, LockManager locks, Router router, JsonMapper json,
                          ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.router = router;
        this.json = json;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Router router() {
        return router;
    }

    public Router.Outcome enqueue(QueuedContact contact) {
        return change(s -> router.enqueue(s, contact, clock.instant()));
    }

    public Router.Outcome answered(String contactId, String officerId) {
        return change(s -> router.answered(s, contactId, officerId, clock.instant()));
    }

    public Router.Outcome take(String contactId, String officerId) {
        return change(s -> router.take(s, contactId, officerId, clock.instant()));
    }

    public Router.Outcome noAnswer(String contactId, String officerId, String reason) {
        return change(s -> router.noAnswer(s, contactId, officerId, reason, clock.instant()));
    }

    public Router.Outcome abandon(String contactId) {
        return change(s -> router.abandon(s, contactId, clock.instant()));
    }

    public Router.Outcome ended(String officerId, Channel channel, String team, Duration talkTime) {
        return change(s -> router.ended(s, officerId, channel, team, talkTime, clock.instant()));
    }

    public Router.Outcome setPresence(String officerId, Presence presence, String reason) {
        return change(s -> router.setPresence(s, officerId, presence, reason, clock.instant()));
    }

    public Router.Outcome override(String team, TeamOverride override) {
        return change(s -> router.override(s, team, override, clock.instant()));
    }

    public Router.Outcome tick() {
        return change(s -> router.tick(s, clock.instant()));
    }

    /** The state as last written; for reading (queues, officers, hours), never for deciding. */
    public RoutingState snapshot() {
        RoutingState state = store.get(STATE_KEY).map(text -> json.readValue(text, RoutingState.class)).orElse(RoutingState.empty());
        remember(state);
        return state;
    }

    /** The supervisors' overrides by team, at most {@link #OVERRIDES_FRESH} old. */
    public java.util.Map<String, TeamOverride> overrides() {
        KnownOverrides last = known;
        if (last == null || System.nanoTime() - last.readAt() > OVERRIDES_FRESH.toNanos()) {
            return snapshot().overrides();
        }
        return last.byTeam();
    }

    private void remember(RoutingState state) {
        known = new KnownOverrides(state.overrides(), System.nanoTime());
    }

    private Router.Outcome change(Function<RoutingState, Router.Outcome> operation) {
        Router.Outcome outcome;
        try (HeldLock lock = locks.tryLock(LOCK, LEASE, WAIT)
                .orElseThrow(() -> new RoutingUnavailableException("the routing lock was not free within " + WAIT))) {
            RoutingState state = snapshot();
            outcome = operation.apply(state);
            if (outcome.changed(state)) {
                store.put(STATE_KEY, json.writeValueAsString(outcome.state()), KEEP);
                remember(outcome.state());
            }
        }
        outcome.events().forEach(publisher::publishEvent);
        return outcome;
    }

    /** Routing could not take its lock or reach its store: the caller's channel must fall back, not hang. */
    public static class RoutingUnavailableException extends RuntimeException {
        public RoutingUnavailableException(String message) {
            super(message);
        }
    }
}
