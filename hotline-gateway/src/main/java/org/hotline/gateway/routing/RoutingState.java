package org.hotline.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * All routing state, kept as one document in the state store and changed only under the routing
 * lock, so that every instance sees one consistent picture. {@code version} counts the changes.
 *
 * @param handleTimes recent handle time (talk + wrap-up) per team, for honest wait estimates
 */
public record RoutingState(long version, Map<String, OfficerStatus> officers, Map<String, List<QueuedContact>> queues,
                           Map<String, TeamOverride> overrides, Map<String, Duration> handleTimes) {

    public RoutingState {
        officers = Map.copyOf(officers);
        queues = Map.copyOf(queues);
        overrides = Map.copyOf(overrides);
        handleTimes = Map.copyOf(handleTimes);
    }

    public static RoutingState empty() {
        return new RoutingState(0, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public List<QueuedContact> queue(String team) {
        return queues.getOrDefault(team, List.of());
    }
}
