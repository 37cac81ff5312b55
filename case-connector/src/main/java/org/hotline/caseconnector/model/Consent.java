package org.hotline.caseconnector.model;

import java.time.Instant;

/**
 * What the person agreed to. {@code safeToCallBack} is their answer (yes, no, or not asked), and
 * {@code source} says where a yes or no came from: the person's own answer in the flow or chat (and
 * at which step), or an officer who asked them (who, when, and how it was asked). Sharing with other
 * organisations and consent for services are recorded by an officer.
 */
public record Consent(Answer safeToCallBack, boolean shareWithOrganisations, boolean services, Source source) {

    public enum Answer { YES, NO, UNKNOWN }

    public Consent {
        safeToCallBack = safeToCallBack == null ? Answer.UNKNOWN : safeToCallBack;
    }

    /** A consent whose answer has no recorded source: only for "not asked". */
    public Consent(Answer safeToCallBack, boolean shareWithOrganisations, boolean services) {
        this(safeToCallBack, shareWithOrganisations, services, null);
    }

    public static Consent none() {
        return new Consent(Answer.UNKNOWN, false, false, null);
    }

    /**
     * Where an answer to "is it safe to call you back?" came from.
     *
     * @param step    the flow node where the person answered (source {@code CALLER})
     * @param officer who asked (source {@code OFFICER})
     * @param note    how the officer asked, and what the person said (source {@code OFFICER}); required
     */
    public record Source(Kind kind, String step, String officer, Instant at, String note) {

        public enum Kind { CALLER, OFFICER }

        public Source {
            if (kind == null) {
                throw new Referral.InvalidReferralException("a consent source needs its kind (caller or officer)");
            }
            if (kind == Kind.CALLER && blank(step)) {
                throw new Referral.InvalidReferralException("a caller's own answer names the step where it was given");
            }
            if (kind == Kind.OFFICER && (blank(officer) || at == null || blank(note))) {
                throw new Referral.InvalidReferralException(
                        "an officer's record of consent needs who asked, when, and a note of how it was asked");
            }
        }

        public static Source caller(String step, Instant at) {
            return new Source(Kind.CALLER, step, null, at, null);
        }

        public static Source officer(String officer, Instant at, String note) {
            return new Source(Kind.OFFICER, null, officer, at, note);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
