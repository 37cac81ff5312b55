package org.hotline.caseconnector.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The gateways' outbox in Redis, read by a worker running on its own: the same stream and consumer
 * group the gateways use ({@code hotline:stream:outbox}, group {@code case-connector}), payloads
 * decrypted with the same {@code HOTLINE_PII_KEY}.
 */
public class RedisOutboxSource implements OutboxSource {

    /** The gateways' stream, as they name it (their Redis store keeps it under {@link #KEY}). */
    static final String STREAM = "outbox";
    static final String KEY = "hotline:stream:" + STREAM;
    static final String GROUP = "case-connector";

    private final StringRedisTemplate redis;
    private final PiiCipher cipher;
    private final String consumer;

    public RedisOutboxSource(StringRedisTemplate redis, PiiCipher cipher, String consumer) {
        this.redis = redis;
        this.cipher = cipher;
        this.consumer = consumer;
        try {
            redis.execute(c -> c.streamCommands().xGroupCreate(KEY.getBytes(), GROUP, ReadOffset.from("0"), true), true);
        } catch (RedisSystemException e) {
            if (!String.valueOf(e.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    @Override
    public List<Item> next(int max, Duration wait) {
        StreamReadOptions options = StreamReadOptions.empty().count(max);
        if (!wait.isZero()) {
            options = options.block(wait);
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .read(Consumer.from(GROUP, consumer), options, StreamOffset.create(KEY, ReadOffset.lastConsumed()));
        return records == null ? List.of() : records.stream().map(r -> item(r, 1)).toList();
    }

    @Override
    public List<Item> stale(Duration idle, int max) {
        List<RecordId> stale = new ArrayList<>();
        redis.opsForStream().pending(KEY, GROUP, Range.unbounded(), max).forEach(p -> {
            if (p.getElapsedTimeSinceLastDelivery().compareTo(idle) >= 0) {
                stale.add(p.getId());
            }
        });
        if (stale.isEmpty()) {
            return List.of();
        }
        return redis.opsForStream().claim(KEY, GROUP, consumer, idle, stale.toArray(RecordId[]::new)).stream().map(r -> item(r, 2)).toList();
    }

    @Override
    public void done(String itemId) {
        redis.opsForStream().acknowledge(KEY, GROUP, itemId);
    }

    @Override
    public void append(String type, String payload) {
        redis.opsForStream().add(StreamRecords.newRecord().in(KEY).ofMap(Map.of("type", type, "payload", cipher.encrypt(payload, PiiCipher.streamContext(STREAM, type)))));
    }

    private Item item(MapRecord<String, Object, Object> record, int deliveries) {
        String id = record.getId().getValue();
        String type = (String) record.getValue().get("type");
        return new Item(id, type, cipher.decrypt((String) record.getValue().get("payload"), PiiCipher.streamContext(STREAM, type)), deliveries,
                Long.parseLong(id.substring(0, id.indexOf('-'))));
    }
}
