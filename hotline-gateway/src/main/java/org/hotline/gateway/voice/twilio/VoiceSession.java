package org.hotline.gateway.voice.twilio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Input;

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
 */
public record VoiceSession(String callSid, String contact, Instant startedAt, FlowState flow, Instant queuedAt,
                           Input.RouteOutcome leaveReason, String officerId, Instant answeredAt, boolean transferred,
                           boolean callbackReferred, boolean voicemailReferred, List<String> referralIds,
                           String recordingUrl, boolean finished, int turn) {

    public VoiceSession {
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
    }

    static VoiceSession start(String callSid, String contact, Instant now, FlowState flow) {
        return new VoiceSession(callSid, contact, now, flow, null, null, null, null, false, false, false, List.of(), null, false, 0);
    }

    VoiceSession withFlow(FlowState newFlow) {
        return new VoiceSession(callSid, contact, startedAt, newFlow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn);
    }

    VoiceSession queued(Instant at) {
        return new VoiceSession(callSid, contact, startedAt, flow, at, null, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn);
    }

    VoiceSession leaving(Input.RouteOutcome reason) {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, reason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn);
    }

    VoiceSession answeredBy(String officer, Instant at) {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, null, officer, at, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn);
    }

    VoiceSession withTransfer() {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, true,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn);
    }

    VoiceSession referred(String id, boolean callback, boolean voicemail) {
        List<String> ids = new ArrayList<>(referralIds);
        ids.add(id);
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred || callback, voicemailReferred || voicemail, ids, recordingUrl, finished, turn);
    }

    VoiceSession recording(String url) {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, url, finished, turn);
    }

    VoiceSession asFinished() {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, true, turn);
    }

    VoiceSession nextTurn() {
        return new VoiceSession(callSid, contact, startedAt, flow, queuedAt, leaveReason, officerId, answeredAt, transferred,
                callbackReferred, voicemailReferred, referralIds, recordingUrl, finished, turn + 1);
    }

    String language() {
        return flow.language();
    }
}
