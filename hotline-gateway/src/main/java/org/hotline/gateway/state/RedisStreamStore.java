package org.hotline.gateway.state;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Redis Streams: XADD, XREADGROUP, XPENDING + XCLAIM, XACK. */
public final class RedisStreamStore implements StreamStore {

    /** Also written by {@link RedisLockedSessions}, which appends with a change under its lock. */
    static final String PREFIX = "hotline:stream:";
    private final StringRedisTemplate redis;

    public RedisStreamStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public String append(String stream, String type, String payload) {
        Map<String, String> fields = Map.of("type", type, "payload", payload);
        RecordId id = redis.opsForStream().add(StreamRecords.newRecord().in(PREFIX + stream).ofMap(fields));
        return id.getValue();
    }

    @Override
    public void ensureGroup(String stream, String group) {
        byte[] key = (PREFIX + stream).getBytes(StandardCharsets.UTF_8);
        try {
            redis.execute(connection -> connection.streamCommands().xGroupCreate(key, group, ReadOffset.from("0"), true), true);
        } catch (RedisSystemException e) {
            if (e.getMessage() == null || !messageChain(e).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private static String messageChain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Override
    public List<StreamEntry> readNew(String stream, String group, String consumer, int max, Duration block) {
        StreamReadOptions options = StreamReadOptions.empty().count(max);
        if (!block.isZero()) {
            options = options.block(block);
        }
        StreamReadOptions read = options;
        List<MapRecord<String, Object, Object>> records = recreatingGroup(stream, group, () -> redis.opsForStream().read(
                Consumer.from(group, consumer), read, StreamOffset.create(PREFIX + stream, ReadOffset.lastConsumed())));
        return records == null ? List.of() : records.stream().map(r -> entry(r, 1)).toList();
    }

    /**
     * Redis lost the group (restarted without persistence, or flushed): it is made again and the
     * read goes on, rather than a reader failing until someone restarts the gateway.
     */
    private <T> T recreatingGroup(String stream, String group, java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (org.springframework.dao.DataAccessException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause.getMessage() == null || !cause.getMessage().contains("NOGROUP")) {
                throw e;
            }
            ensureGroup(stream, group);
            return operation.get();
        }
    }

    @Override
    public List<StreamEntry> claimStale(String stream, String group, String consumer, Duration minIdle, int max) {
        String key = PREFIX + stream;
        var pending = recreatingGroup(stream, group, () -> redis.opsForStream().pending(key, group, Range.unbounded(), max));
        Map<String, Long> deliveries = new HashMap<>();
        List<RecordId> stale = new ArrayList<>();
        for (PendingMessage message : pending) {
            if (message.getElapsedTimeSinceLastDelivery().compareTo(minIdle) >= 0) {
                stale.add(message.getId());
                deliveries.put(message.getIdAsString(), message.getTotalDeliveryCount());
            }
        }
        if (stale.isEmpty()) {
            return List.of();
        }
        // XCLAIM re-checks the idle time, so two claimers never both get an entry
        List<MapRecord<String, Object, Object>> claimed =
                redis.opsForStream().claim(key, group, consumer, minIdle, stale.toArray(RecordId[]::new));
        return claimed.stream()
                .map(r -> entry(r, (int) (deliveries.getOrDefault(r.getId().getValue(), 0L) + 1)))
                .toList();
    }

    @Override
    public void ack(String stream, String group, String id) {
        redis.opsForStream().acknowledge(PREFIX + stream, group, id);
    }

    @Override
    public void ack(String stream, String group, List<String> ids) {
        if (!ids.isEmpty()) {
            redis.opsForStream().acknowledge(PREFIX + stream, group, ids.toArray(String[]::new));
        }
    }

    @Override
    public long pendingCount(String stream, String group) {
        return redis.opsForStream().pending(PREFIX + stream, group).getTotalPendingMessages();
    }

    @Override
    public List<StreamEntry> recent(String stream, int max) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .reverseRange(PREFIX + stream, Range.unbounded(), org.springframework.data.redis.connection.Limit.limit().count(max));
        return records == null ? List.of() : records.stream().map(r -> entry(r, 0)).toList();
    }

    @Override
    public void trim(String stream, long maxLength) {
        redis.opsForStream().trim(PREFIX + stream, maxLength, false);
    }

    @Override
    public void delete(String stream, String id) {
        redis.opsForStream().delete(PREFIX + stream, id);
    }

    @Override
    public long purgeDelivered(String stream, String group, long beforeMillis) {
        String key = PREFIX + stream;
        var groups = redis.opsForStream().groups(key);
        String lastDelivered = groups.stream().filter(g -> g.groupName().equals(group)).map(g -> g.lastDeliveredId())
                .findFirst().orElseThrow(() -> new IllegalStateException("no group '" + group + "' on stream '" + stream + "'"));
        java.util.Set<String> pending = new java.util.HashSet<>();
        redis.opsForStream().pending(key, group, Range.unbounded(), Long.MAX_VALUE).forEach(p -> pending.add(p.getIdAsString()));
        // ids are "<millis>-<n>": everything strictly before beforeMillis, read by the group, acknowledged
        var old = redis.opsForStream().range(key, Range.rightOpen("0-0", beforeMillis + "-0"));
        long purged = 0;
        for (MapRecord<String, Object, Object> record : old == null ? List.<MapRecord<String, Object, Object>>of() : old) {
            String id = record.getId().getValue();
            if (!pending.contains(id) && compareIds(id, lastDelivered) <= 0) {
                purged += redis.opsForStream().delete(key, id);
            }
        }
        return purged;
    }

    private static int compareIds(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    @Override
    public long length(String stream) {
        Long size = redis.opsForStream().size(PREFIX + stream);
        return size == null ? 0 : size;
    }

    private static StreamEntry entry(MapRecord<String, Object, Object> record, int deliveries) {
        Map<Object, Object> fields = record.getValue();
        return new StreamEntry(record.getId().getValue(), (String) fields.get("type"), (String) fields.get("payload"), deliveries);
    }
}
