package org.hotline.gateway.cases;

import java.util.Optional;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.hotline.gateway.audit.AuditTrail;

/** A supervisor sends a dead letter to the case store again (the API and the wallboard): audited, found or not. */
public class DeadLetterReplays {

    private final DeadLetters deadLetters;
    private final OutboxSource outbox;
    private final AuditTrail audit;

    public DeadLetterReplays(DeadLetters deadLetters, OutboxSource outbox, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Empty when there is no such dead letter waiting for a replay. */
    public Optional<DeadLetters.DeadLetter> replay(String username, long id) {
        var replayed = deadLetters.replay(id, outbox);
        audit.record(username, "dead-letter.replay", String.valueOf(id), replayed.isPresent() ? "replayed" : "not-found",
                replayed.map(d -> d.itemType() + " " + d.itemId()).orElse("no dead letter waiting for a replay"));
        return replayed;
    }
}
