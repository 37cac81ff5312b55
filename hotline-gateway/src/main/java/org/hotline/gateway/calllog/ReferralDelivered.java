package org.hotline.gateway.calllog;

/**
 * The case store accepted a referral (published by the case connector once it has the store's
 * confirmation). {@code recordingRef} is the channel's recording id, or null.
 */
public record ReferralDelivered(String referralId, String recordingRef) {}
