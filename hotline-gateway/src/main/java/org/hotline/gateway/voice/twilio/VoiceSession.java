package org.hotline.gateway.voice.twilio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.contact.FlowStateText;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.state.CompactText;

/**
 * A Twilio call between webhooks: the flow's state and what the call log needs. Stored encrypted
 * in the state store under the CallSid (never the number).
 *
 * @param contact      the caller's number as Twilio gave it (From), or null when withheld
 * @param queuedAt     when the caller joined a queue, or null
 * @param leaveReason  why the caller left the queue without an officer (timeout or nobody)
 * @param officerId    the officer who took the call, or null
 * @param turn         counts the TwiML answers; every action URL carries it, so two webhooks with the same
 *                     parameters at different questions differ, while a retried webhook matches its first
 * @param answers      the TwiML given to the call's latest webhooks, by fingerprint: a retry gets the same
 */
public record VoiceSession(String callSid, String contact, Instant startedAt, FlowState flow, Instant queuedAt,
                           Input.RouteOutcome leaveReason, String officerId, Instant answeredAt, boolean transferred,
                           boolean callbackReferred, boolean voicemailReferred, List<String> referralIds,
                           String recordingUrl, boolean finished, int turn,
                           java.util.Map<String, String> answers) {

    public VoiceSession {
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
        answers = answers == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
    }

    static VoiceSession start(String callSid, String contact, Instant now, FlowState flow) {
        return new VoiceSession(callSid, contact, now, flow, null, null, null, null, false, false, false, List.of(), null, false, 0, java.util.Map.of());
    }

    VoiceSession withFlow(FlowState newFlow) {
        return new VoiceSession(callSid, contact, startedAt, newFlow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn, answers);
    }

    VoiceSession queued(Instant at) {
        return new VoiceSession(callSid, contact, startedAt, flow, at, null, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn, answers);
    }

    VoiceSession leaving(Input.RouteOutcome reason) {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, reason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn, answers);
    }

    VoiceSession answeredBy(String officer, Instant at) {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, null, officer, at, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn, answers);
    }

    VoiceSession withTransfer() {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, true,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn, answers);
    }

    VoiceSession referred(String id, boolean callback, boolean voicemail) {
        List<String> ids = new ArrayList<>(referralIds);
        ids.add(id);
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred || callback, voicemailReferred || voicemail, ids, recordingUrl, finished, turn, answers);
    }

    VoiceSession recording(String url) {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, url, finished, turn, answers);
    }

    VoiceSession asFinished() {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, true, turn, answers);
    }

    VoiceSession nextTurn() {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn + 1, answers);
    }

    /**
     * Remembers the answer to a webhook. Twilio retries a webhook only until it gets an answer and
     * sends the call's next one after that, so the latest answer is enough; the officer's leg keeps
     * one more beside it.
     */
    VoiceSession remembering(String fingerprint, String answer) {
        java.util.LinkedHashMap<String, String> kept = new java.util.LinkedHashMap<>(answers);
        kept.put(fingerprint, answer);
        while (kept.size() > 2) {
            kept.remove(kept.keySet().iterator().next());
        }
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn, kept);
    }

    String language() {
        return flow.language();
    }

    private static final String TAG = "voice1";

    /** The session as stored: the compact form ({@link CompactText}), written on every webhook of a call. */
    String toText() {
        CompactText.Writer out = CompactText.writer(TAG).text(callSid).text(contact).instant(startedAt);
        FlowStateText.write(out, flow);
        return out.instant(queuedAt).enumValue(leaveReason).text(officerId).instant(answeredAt).flag(transferred)
                .flag(callbackReferred).flag(voicemailReferred).texts(referralIds).text(recordingUrl).flag(finished)
                .number(turn).map(answers).toString();
    }

    static VoiceSession fromText(String text) {
        CompactText.Reader in = CompactText.reader(text, TAG);
        VoiceSession session = new VoiceSession(in.text(), in.text(), in.instant(), FlowStateText.read(in), in.instant(),
                in.enumValue(Input.RouteOutcome.class), in.text(), in.instant(), in.flag(), in.flag(), in.flag(), in.texts(),
                in.text(), in.flag(), in.integer(), in.map());
        in.end();
        return session;
    }
}
