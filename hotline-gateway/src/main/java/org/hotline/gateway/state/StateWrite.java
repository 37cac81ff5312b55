package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes that belong together, made under one held lock in one step where the store can (Redis: one
 * script): values (each kept for {@code ttl}), removals, and entries appended to streams. A change
 * and the messages it queues are then saved together or not at all.
 */
public record StateWrite(Map<String, String> values, Duration ttl, List<String> removals, List<Append> appends) {

    public StateWrite {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        removals = List.copyOf(removals);
        appends = List.copyOf(appends);
    }

    /** An entry for {@link StreamStore#append}. */
    public record Append(String stream, String type, String payload) {}

    public static StateWrite put(String key, String value, Duration ttl) {
        return new StateWrite(Map.of(key, value), ttl, List.of(), List.of());
    }
}
