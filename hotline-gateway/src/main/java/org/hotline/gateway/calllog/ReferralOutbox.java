package org.hotline.gateway.calllog;

import java.time.Duration;
import java.time.Instant;
import org.hotline.gateway.flow.Referral;
import org.hotline.gateway.state.DedupeStore;
import org.hotline.gateway.state.StreamStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands referrals to the case connector through the outbox stream, once per referral id: a retried
 * webhook that emits the same referral again adds nothing. If the append fails, the mark is taken
 * back so the retry can add it.
 */
public class ReferralOutbox {

    public static final String TYPE = "referral";
    private static final Duration REMEMBER = Duration.ofDays(7);

    private final StreamStore streams;
    private final DedupeStore dedupe;
    private final JsonMapper json;

    public ReferralOutbox(StreamStore streams, DedupeStore dedupe, JsonMapper json) {
        this.streams = streams;
        this.dedupe = dedupe;
        this.json = json;
    }

    /**
     * A referral as it leaves the gateway: what the flow (or an officer) emitted, with the contact
     * it concerns, where a recording is, and who made it.
     */
    public record OutboundReferral(Referral referral, String contact, String callbackNumber, String recordingUrl,
                                   String createdBy, Instant createdAt) {}

    /** True when this call added it; false when it was already in the outbox. */
    public boolean add(OutboundReferral referral) {
        String key = "referral:" + referral.referral().id();
        if (!dedupe.markFirst(key, REMEMBER)) {
            return false;
        }
        try {
            streams.append(CallLog.OUTBOX_STREAM, TYPE, json.writeValueAsString(referral));
            return true;
        } catch (RuntimeException e) {
            dedupe.unmark(key);
            throw e;
        }
    }

}
