package org.hotline.caseconnector.store.primero;

import org.hotline.caseconnector.model.Referral;

/**
 * The notes of a Primero referral. Kept apart from {@link PrimeroMapper}: MapStruct would take a
 * String-to-String method there for a conversion of every field.
 */
final class PrimeroNotes {

    private PrimeroNotes() {}

    /** What an officer reads in Primero, with a marker that lets the adapter find this referral again. */
    static String of(Referral referral) {
        StringBuilder notes = new StringBuilder()
                .append(referral.kind().name().toLowerCase().replace('_', ' ')).append(" from the hotline (")
                .append(referral.channel()).append(", ").append(referral.language()).append("), urgency ")
                .append(referral.urgency().name().toLowerCase());
        if (referral.topic() != null) {
            notes.append(", topic ").append(referral.topic());
        }
        notes.append(". Safe to call back: ").append(referral.consent().safeToCallBack().name().toLowerCase()).append('.');
        if (referral.recordingRef() != null) {
            notes.append(" Voicemail: ").append(referral.recordingRef()).append('.');
        }
        return notes.append(' ').append(marker(referral.id())).toString();
    }

    static String marker(String referralId) {
        return "[hotline:" + referralId + "]";
    }
}
