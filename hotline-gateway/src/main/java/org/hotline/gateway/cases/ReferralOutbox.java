package org.hotline.gateway.cases;

import java.time.Duration;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.hotline.gateway.calllog.CallLog;
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

    private static final Duration REMEMBER = Duration.ofDays(7);

    private final StreamStore streams;
    private final DedupeStore dedupe;
    private final JsonMapper json;
    private final ReferralProgress progress;

    public ReferralOutbox(StreamStore streams, DedupeStore dedupe, JsonMapper json, ReferralProgress progress) {
        this.progress = progress;
        this.streams = streams;
        this.dedupe = dedupe;
        this.json = json;
    }

    /** Adds a referral already in the connector's model (an officer's); false when that id was already in. */
    public boolean add(org.hotline.caseconnector.model.Referral referral) {
        String key = "referral:" + referral.id();
        if (!dedupe.markFirst(key, REMEMBER)) {
            return false;
        }
        try {
            streams.append(CallLog.OUTBOX_STREAM, OutboxSource.REFERRAL, json.writeValueAsString(referral));
            progress.added(referral);
            return true;
        } catch (RuntimeException e) {
            dedupe.unmark(key);
            throw e;
        }
    }

    /**
     * Adds what the flow (or an officer) emitted, with who it concerns, where a recording is and who
     * made it, as the case connector's model. True when this call added it; false when it was already in.
     */
    public boolean add(Referral flowReferral, OutboxMapper.Origin origin) {
        return add(OutboxMapper.INSTANCE.toReferral(flowReferral, origin));
    }

}
