package org.hotline.caseconnector.store.webhook;

import java.time.Instant;
import java.util.List;

/** The JSON a webhook receiver gets for a call record. */
public record WebhookCall(String type, String id, String channel, String contact, String language, String topic, String team,
                          List<String> path, Instant startedAt, Instant endedAt, long queueWaitSeconds, String officerId,
                          long talkTimeSeconds, String outcome, List<String> referralIds) {}
