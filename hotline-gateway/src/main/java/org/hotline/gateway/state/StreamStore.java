package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;

/**
 * An append-only stream read by consumer groups, with acknowledgement (the outbox). An entry read
 * by a consumer stays pending until acknowledged; a consumer that died leaves its pending entries
 * to be claimed by another after {@code minIdle}.
 */
public interface StreamStore {

    /** Appends an entry and returns its id; ids increase in append order. */
    String append(String stream, String type, String payload);

    /** Creates the group if it does not exist; a new group starts at the beginning of the stream. */
    void ensureGroup(String stream, String group);

    /** Entries never delivered to the group, up to {@code max}, waiting up to {@code block} when there are none. */
    List<StreamEntry> readNew(String stream, String group, String consumer, int max, Duration block);

    /** Pending entries idle for at least {@code minIdle}, now owned by {@code consumer}. */
    List<StreamEntry> claimStale(String stream, String group, String consumer, Duration minIdle, int max);

    void ack(String stream, String group, String id);

    /** Acknowledges several entries (in one round trip where the store can). */
    default void ack(String stream, String group, List<String> ids) {
        ids.forEach(id -> ack(stream, group, id));
    }

    long pendingCount(String stream, String group);

    /** The newest entries, newest first, up to {@code max} (for listings such as the call log). */
    List<StreamEntry> recent(String stream, int max);

    /** Keeps the newest {@code maxLength} entries; older ones go, even if a group has not read them. */
    void trim(String stream, long maxLength);

    long length(String stream);

    /** Removes one entry (zero retention: gone once delivered). */
    void delete(String stream, String id);

    /**
     * Removes entries appended before {@code beforeMillis} that {@code group} has read and
     * acknowledged; entries not yet delivered are kept, however old. Returns how many went.
     */
    long purgeDelivered(String stream, String group, long beforeMillis);

    record StreamEntry(String id, String type, String payload, int deliveries) {}
}
