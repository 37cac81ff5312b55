package org.hotline.caseconnector.store.local;

import java.time.Instant;

/** A referral as a row of the local store, its personal fields already encrypted for this row. */
public record ReferralRow(String id, String kind, String topic, String urgency, String team, String language, String channel,
                          String contactEnc, String callbackEnc, String safeToCallBack, boolean consentShare,
                          boolean consentServices, String consentSource, String consentStep, String consentOfficer,
                          Instant consentAt, String consentNoteEnc, String answersEnc, String recordingRef, String recordingUrl,
                          String transcriptRef, String createdBy, Instant createdAt) {}
