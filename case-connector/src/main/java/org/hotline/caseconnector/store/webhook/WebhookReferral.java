package org.hotline.caseconnector.store.webhook;

import java.time.Instant;
import java.util.Map;

/** The JSON a webhook receiver gets for a referral (field names are the contract; keep them stable). */
public record WebhookReferral(String type, String id, String kind, String topic, String urgency, String team, String language,
                              String channel, String contact, String callbackNumber, ConsentView consent,
                              Map<String, String> answers, String recordingRef, String recordingUrl, String transcriptRef,
                              String createdBy, Instant createdAt) {

    public record ConsentView(String safeToCallBack, boolean shareWithOrganisations, boolean services) {}
}
