package org.hotline.caseconnector.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.caseconnector.privacy.Masking;
import org.hotline.caseconnector.store.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Items a case store refused, with its reason, kept (encrypted) in the connector's database until a
 * supervisor replays them: nothing is silently dropped.
 */
public class DeadLetters {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Clock clock;

    public DeadLetters(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record DeadLetter(long id, String itemId, String itemType, String adapter, String reason, int attempts,
                             Instant failedAt, Instant replayedAt) {}

    /** The store's reason is kept scrubbed: a refusal may quote the number it refused. */
    public void add(OutboxSource.Item item, String adapter, String reason) {
        String safeReason = Masking.scrub(reason);
        jdbc.sql("""
                INSERT INTO dead_letter (item_id, item_type, payload_enc, adapter, reason, attempts, failed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(item.id(), item.type(), cipher.encrypt(item.payload(), "dead_letter:" + item.id()), adapter,
                        safeReason.length() > 2000 ? safeReason.substring(0, 2000) : safeReason, item.deliveries(), Timestamp.from(clock.instant()))
                .update();
    }

    /** Dead letters not replayed yet. */
    public long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE replayed_at IS NULL").query(Long.class).single();
    }

    /** Whether this item is a dead letter now (not replayed yet). */
    public boolean holds(String itemId) {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letter WHERE item_id = ? AND replayed_at IS NULL").param(itemId)
                .query(Long.class).single() > 0;
    }

    public List<DeadLetter> list(boolean includeReplayed, int limit) {
        return jdbc.sql("SELECT * FROM dead_letter " + (includeReplayed ? "" : "WHERE replayed_at IS NULL ") + "ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new DeadLetter(rs.getLong("id"), rs.getString("item_id"), rs.getString("item_type"),
                        rs.getString("adapter"), rs.getString("reason"), rs.getInt("attempts"), rs.getTimestamp("failed_at").toInstant(),
                        rs.getTimestamp("replayed_at") == null ? null : rs.getTimestamp("replayed_at").toInstant()))
                .list();
    }

    /** Puts the item back in the outbox, once; empty when there is no such dead letter or it was replayed. */
    public Optional<DeadLetter> replay(long id, OutboxSource outbox) {
        var row = jdbc.sql("SELECT item_id, item_type, payload_enc FROM dead_letter WHERE id = ? AND replayed_at IS NULL")
                .param(id).query((rs, n) -> new String[] {rs.getString("item_type"),
                        cipher.decrypt(rs.getString("payload_enc"), "dead_letter:" + rs.getString("item_id"))}).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int marked = jdbc.sql("UPDATE dead_letter SET replayed_at = ? WHERE id = ? AND replayed_at IS NULL")
                .params(Timestamp.from(clock.instant()), id).update();
        if (marked == 1) {
            outbox.append(row.get()[0], row.get()[1]);
        }
        return list(true, Integer.MAX_VALUE).stream().filter(d -> d.id() == id).findFirst();
    }
}
