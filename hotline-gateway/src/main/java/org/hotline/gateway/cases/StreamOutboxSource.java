package org.hotline.gateway.cases;

import java.time.Duration;
import java.util.List;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.hotline.gateway.state.StreamStore;

/**
 * The case connector's outbox on the state store's stream (the local database or Redis), as one
 * consumer of a shared group. With zero retention an entry is deleted as soon as it is delivered.
 */
public class StreamOutboxSource implements OutboxSource {

    static final String STREAM = "outbox";
    static final String GROUP = "case-connector";

    private final StreamStore streams;
    private final String consumer;
    private final boolean zeroRetention;

    public StreamOutboxSource(StreamStore streams, String consumer, boolean zeroRetention) {
        this.streams = streams;
        this.consumer = consumer;
        this.zeroRetention = zeroRetention;
        streams.ensureGroup(STREAM, GROUP);
    }

    @Override
    public List<Item> next(int max, Duration wait) {
        return streams.readNew(STREAM, GROUP, consumer, max, wait).stream().map(StreamOutboxSource::item).toList();
    }

    @Override
    public List<Item> stale(Duration idle, int max) {
        return streams.claimStale(STREAM, GROUP, consumer, idle, max).stream().map(StreamOutboxSource::item).toList();
    }

    @Override
    public void done(String itemId) {
        streams.ack(STREAM, GROUP, itemId);
        if (zeroRetention) {
            streams.delete(STREAM, itemId);
        }
    }

    /** Retention: removes delivered entries appended before {@code beforeMillis}. */
    public long purgeDelivered(long beforeMillis) {
        return streams.purgeDelivered(STREAM, GROUP, beforeMillis);
    }

    @Override
    public void append(String type, String payload) {
        streams.append(STREAM, type, payload);
    }

    /** Stream ids begin with the append time in milliseconds ("1764500000000-3"). */
    private static Item item(StreamStore.StreamEntry entry) {
        long appended = Long.parseLong(entry.id().substring(0, entry.id().indexOf('-')));
        return new Item(entry.id(), entry.type(), entry.payload(), entry.deliveries(), appended);
    }

    /** Items handed to a delivery worker and not yet confirmed by the case store (retried while it is down). */
    public long backlog() {
        return streams.pendingCount(STREAM, GROUP);
    }
}
