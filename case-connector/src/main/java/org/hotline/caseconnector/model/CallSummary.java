package org.hotline.caseconnector.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A call or conversation as the case store receives it: what the call log holds, the contact
 * encrypted at rest. {@code outcome} is how it ended technically (answered, abandoned, voicemail…);
 * {@code closing} is what the officer recorded when closing it (resolved, referred…), or null.
 */
public record CallSummary(String id, String channel, String contact, String language, String topic, String team,
                          List<String> path, Instant startedAt, Instant endedAt, long queueWaitSeconds, String officerId,
                          long talkTimeSeconds, String outcome, List<String> referralIds, String closing) {
    public CallSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
        path = path == null ? List.of() : List.copyOf(path);
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
    }
}
