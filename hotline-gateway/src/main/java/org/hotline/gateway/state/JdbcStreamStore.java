package org.hotline.gateway.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams in the local database: the embedded default's outbox survives a restart. Consumer groups
 * as in Redis: a group's position, and per group the entries delivered but not yet acknowledged.
 * Changes to a group happen in one transaction with its row locked, so two readers never get one entry.
 */
public final class JdbcStreamStore implements StreamStore {

    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcStreamStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String append(String stream, String type, String payload) {
        return transactions.execute(tx -> {
            String provisional = "pending-" + java.util.UUID.randomUUID();
            jdbc.sql("INSERT INTO stream_entry (stream, entry_id, entry_type, payload, appended_at) VALUES (?, ?, ?, ?, ?)")
                    .params(stream, provisional, type, payload, clock.millis()).update();
            long seq = jdbc.sql("SELECT seq FROM stream_entry WHERE entry_id = ?").param(provisional).query(Long.class).single();
            // like a Redis id: the append time in milliseconds, then a number that orders entries
            String id = jdbc.sql("SELECT appended_at FROM stream_entry WHERE seq = ?").param(seq).query(Long.class).single() + "-" + seq;
            jdbc.sql("UPDATE stream_entry SET entry_id = ? WHERE seq = ?").params(id, seq).update();
            return id;
        });
    }

    @Override
    public void ensureGroup(String stream, String group) {
        try {
            jdbc.sql("INSERT INTO stream_group (stream, grp, last_seq) VALUES (?, ?, 0)").params(stream, group).update();
        } catch (DuplicateKeyException exists) {
            // created before: keep its position
        }
    }

    @Override
    public List<StreamEntry> readNew(String stream, String group, String consumer, int max, Duration block) {
        long deadline = System.nanoTime() + block.toNanos();
        while (true) {
            List<StreamEntry> read = transactions.execute(tx -> {
                long last = groupPosition(stream, group, true);
                List<Object[]> rows = jdbc.sql("SELECT seq, entry_id, entry_type, payload FROM stream_entry WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?")
                        .params(stream, last, max)
                        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
                List<StreamEntry> entries = new ArrayList<>();
                for (Object[] row : rows) {
                    jdbc.sql("INSERT INTO stream_pending (stream, grp, seq, consumer, delivered_at, deliveries) VALUES (?, ?, ?, ?, ?, 1)")
                            .params(stream, group, row[0], consumer, clock.millis()).update();
                    entries.add(new StreamEntry((String) row[1], (String) row[2], (String) row[3], 1));
                }
                if (!rows.isEmpty()) {
                    jdbc.sql("UPDATE stream_group SET last_seq = ? WHERE stream = ? AND grp = ?")
                            .params(rows.getLast()[0], stream, group).update();
                }
                return entries;
            });
            if (!read.isEmpty() || System.nanoTime() >= deadline) {
                return read;
            }
            LockSupport.parkNanos(Math.min(POLL.toNanos(), Math.max(1, deadline - System.nanoTime())));
        }
    }

    @Override
    public List<StreamEntry> claimStale(String stream, String group, String consumer, Duration minIdle, int max) {
        return transactions.execute(tx -> {
            groupPosition(stream, group, true);
            long now = clock.millis();
            List<Object[]> rows = jdbc.sql("""
                            SELECT p.seq, e.entry_id, e.entry_type, e.payload, p.deliveries FROM stream_pending p
                            JOIN stream_entry e ON e.seq = p.seq
                            WHERE p.stream = ? AND p.grp = ? AND p.delivered_at <= ? ORDER BY p.seq LIMIT ?""")
                    .params(stream, group, now - minIdle.toMillis(), max)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)}).list();
            List<StreamEntry> claimed = new ArrayList<>();
            for (Object[] row : rows) {
                jdbc.sql("UPDATE stream_pending SET consumer = ?, delivered_at = ?, deliveries = deliveries + 1 WHERE stream = ? AND grp = ? AND seq = ?")
                        .params(consumer, now, stream, group, row[0]).update();
                claimed.add(new StreamEntry((String) row[1], (String) row[2], (String) row[3], (Integer) row[4] + 1));
            }
            return claimed;
        });
    }

    @Override
    public void ack(String stream, String group, String id) {
        jdbc.sql("DELETE FROM stream_pending WHERE stream = ? AND grp = ? AND seq = ?").params(stream, group, seqOf(id)).update();
    }

    @Override
    public long pendingCount(String stream, String group) {
        groupPosition(stream, group, false);
        return jdbc.sql("SELECT COUNT(*) FROM stream_pending WHERE stream = ? AND grp = ?").params(stream, group).query(Long.class).single();
    }

    @Override
    public List<StreamEntry> recent(String stream, int max) {
        return jdbc.sql("SELECT entry_id, entry_type, payload FROM stream_entry WHERE stream = ? ORDER BY seq DESC LIMIT ?")
                .params(stream, max).query((rs, n) -> new StreamEntry(rs.getString(1), rs.getString(2), rs.getString(3), 0)).list();
    }

    @Override
    public void trim(String stream, long maxLength) {
        transactions.executeWithoutResult(tx -> {
            List<Long> keep = jdbc.sql("SELECT seq FROM stream_entry WHERE stream = ? ORDER BY seq DESC LIMIT ?")
                    .params(stream, maxLength).query(Long.class).list();
            long oldestKept = keep.isEmpty() ? Long.MAX_VALUE : keep.getLast();
            jdbc.sql("DELETE FROM stream_pending WHERE stream = ? AND seq < ?").params(stream, oldestKept).update();
            jdbc.sql("DELETE FROM stream_entry WHERE stream = ? AND seq < ?").params(stream, oldestKept).update();
        });
    }

    @Override
    public void delete(String stream, String id) {
        long seq = seqOf(id);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM stream_pending WHERE stream = ? AND seq = ?").params(stream, seq).update();
            jdbc.sql("DELETE FROM stream_entry WHERE stream = ? AND seq = ?").params(stream, seq).update();
        });
    }

    @Override
    public long purgeDelivered(String stream, String group, long beforeMillis) {
        return transactions.execute(tx -> {
            long read = groupPosition(stream, group, true);
            return (long) jdbc.sql("""
                            DELETE FROM stream_entry WHERE stream = ? AND seq <= ? AND appended_at < ?
                            AND seq NOT IN (SELECT seq FROM stream_pending WHERE stream = ? AND grp = ?)""")
                    .params(stream, read, beforeMillis, stream, group).update();
        });
    }

    @Override
    public long length(String stream) {
        return jdbc.sql("SELECT COUNT(*) FROM stream_entry WHERE stream = ?").param(stream).query(Long.class).single();
    }

    private long groupPosition(String stream, String group, boolean lock) {
        return jdbc.sql("SELECT last_seq FROM stream_group WHERE stream = ? AND grp = ?" + (lock ? " FOR UPDATE" : ""))
                .params(stream, group).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("no group '" + group + "' on stream '" + stream + "'"));
    }

    private static long seqOf(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }
}
