package org.hotline.gateway.flow;

import java.util.Map;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.flow.Node.ReferralKind;

/**
 * A referral as the flow emits it. {@code id} is derived from the session and the node, so a
 * retried webhook yields the same id (the case connector's idempotency key).
 *
 * @param safeToCall     "yes", "no" or "unknown": what the caller said about being called back
 * @param consentStep    the node where they said it (their own answer, for the consent's record), or null
 * @param callbackNumber the number to call back: "caller" for the number they called from, an E.164
 *                       number they gave, or null; set only when {@code safeToCall} is "yes"
 * @param recordingRef   the channel's reference to a voicemail recording, or null
 * @param answers        everything the flow saved, by name
 */
public record Referral(String id, ReferralKind kind, Priority urgency, String team, String topic, String language,
                       Channel channel, String safeToCall, String consentStep, String callbackNumber, String recordingRef,
                       Map<String, String> answers) {
    public Referral {
        answers = Map.copyOf(answers);
    }
}
