package org.hotline.caseconnector.delivery;

import java.time.Duration;
import java.util.List;

/**
 * Where the work comes from: the gateway's outbox stream, read by a consumer group. An item taken
 * stays pending until {@link #done}; an item pending longer than {@code idle} (its worker died, or it
 * waits for a retry) can be taken again.
 */
public interface OutboxSource {

    /** Item types: a referral, or a call record. */
    String REFERRAL = "referral";
    String CALL_RECORD = "call-record";

    List<Item> next(int max, Duration wait);

    List<Item> stale(Duration idle, int max);

    void done(String itemId);

    /** Puts an item back in (a dead letter replayed by a supervisor). */
    void append(String type, String payload);

    /** {@code firstSeenMillis}: when the item entered the outbox, for the retry horizon. */
    record Item(String id, String type, String payload, int deliveries, long firstSeenMillis) {}
}
