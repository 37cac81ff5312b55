package org.hotline.gateway.cases;

import java.time.Duration;
import java.util.Optional;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.caseconnector.model.Referral;
import org.hotline.gateway.calllog.ReferralDelivered;
import org.hotline.gateway.state.SessionStore;
import org.springframework.context.event.EventListener;

/**
 * Where each referral is on its way to the case store, for the officers who made it: waiting (in the
 * outbox, retried while the store is down), delivered (the store confirmed it), or a dead letter
 * (the store refused it; a supervisor replays it). Kept by id with its kind and team, for
 * {@code retention}; the confirmation comes from the gateway's own delivery worker.
 */
public class ReferralProgress {

    public enum State {
        WAITING, DELIVERED, DEAD_LETTER;

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** What the console shows of a referral: never its number or its answers. */
    public record Progress(String id, String kind, String team, State state) {}

    private final SessionStore store;
    private final DeadLetters deadLetters;
    private final Duration retention;

    public ReferralProgress(SessionStore store, DeadLetters deadLetters, Duration retention) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.retention = retention;
    }

    /** A referral went into the outbox. */
    void added(Referral referral) {
        store.put(key(referral.id()), State.WAITING.name() + "|" + referral.kind().name() + "|" + referral.team(), retention);
    }

    @EventListener
    public void on(ReferralDelivered delivered) {
        store.get(key(delivered.referralId())).ifPresent(value ->
                store.put(key(delivered.referralId()), State.DELIVERED.name() + value.substring(value.indexOf('|')), retention));
    }

    public Optional<Progress> of(String referralId) {
        return store.get(key(referralId)).map(value -> {
            String[] parts = value.split("\\|", 3);
            State state = State.valueOf(parts[0]);
            if (state == State.WAITING && deadLetters.holds(referralId)) {
                state = State.DEAD_LETTER;
            }
            return new Progress(referralId, parts[1].toLowerCase().replace('_', '-'), "null".equals(parts[2]) ? null : parts[2], state);
        });
    }

    private static String key(String referralId) {
        return "referral-progress:" + referralId;
    }
}
