package org.hotline.gateway.calllog;

/** How a call or conversation ended, for the call log, the supervisors and the metrics. */
public enum CallOutcome {
    ANSWERED, ABANDONED_IN_IVR, ABANDONED_IN_QUEUE, VOICEMAIL, CALLBACK_REQUESTED, INFORMATION_ONLY, TRANSFERRED;

    public String wireName() {
        return name().toLowerCase();
    }

    /**
     * The outcome of a finished session, the strongest fact first: a person answered; the call was
     * transferred; a callback was requested; a voicemail was left; the caller hung up while queued,
     * or before that; otherwise they got information only.
     */
    public static CallOutcome of(boolean answered, boolean transferred, boolean callbackReferred, boolean voicemailReferred,
                                 boolean hungUp, boolean wasQueued) {
        if (answered) {
            return ANSWERED;
        }
        if (transferred) {
            return TRANSFERRED;
        }
        if (callbackReferred) {
            return CALLBACK_REQUESTED;
        }
        if (voicemailReferred) {
            return VOICEMAIL;
        }
        if (hungUp) {
            return wasQueued ? ABANDONED_IN_QUEUE : ABANDONED_IN_IVR;
        }
        return INFORMATION_ONLY;
    }
}
