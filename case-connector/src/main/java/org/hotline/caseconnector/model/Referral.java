package org.hotline.caseconnector.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A referral as it leaves the gateway. {@code id} is the idempotency key: derived from the call or
 * conversation and the step, so a retried webhook yields the same id, and no store gets it twice.
 * Checked when built: a callback needs a "yes" to safety and a number to call, and every answer
 * about a safe callback says whose it is (the person's, at a step of the flow, or an officer's note).
 *
 * @param contact        the person's number or messenger address; encrypted wherever it is stored
 * @param callbackNumber the number to call back (kind CALLBACK only)
 * @param answers        what the flow collected, by name
 * @param createdBy      "flow", or the officer who made it
 */
public record Referral(String id, ReferralKind kind, String topic, Urgency urgency, String team, String language, String channel,
                       String contact, String callbackNumber, Consent consent, Map<String, String> answers,
                       String recordingRef, String recordingUrl, String transcriptRef, String createdBy, Instant createdAt) {

    public enum Urgency { URGENT, NORMAL }

    public Referral {
        if (id == null || id.isBlank()) {
            throw new InvalidReferralException("a referral needs an id");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        consent = consent == null ? Consent.none() : consent;
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        createdBy = createdBy == null ? "flow" : createdBy;
        if (consent.safeToCallBack() != Consent.Answer.UNKNOWN && consent.source() == null) {
            throw new InvalidReferralException("referral " + id + ": a yes or no to a safe callback must say where it came from");
        }
        if (kind == ReferralKind.CALLBACK) {
            if (consent.safeToCallBack() != Consent.Answer.YES) {
                throw new InvalidReferralException("referral " + id + ": a callback needs the person's yes to a safe callback");
            }
            if (callbackNumber == null || callbackNumber.isBlank()) {
                throw new InvalidReferralException("referral " + id + ": a callback needs a number to call");
            }
        } else if (consent.safeToCallBack() != Consent.Answer.YES && callbackNumber != null) {
            throw new InvalidReferralException("referral " + id + ": no callback number without a yes to a safe callback");
        }
    }

    public static class InvalidReferralException extends RuntimeException {
        public InvalidReferralException(String message) {
            super(message);
        }
    }
}
