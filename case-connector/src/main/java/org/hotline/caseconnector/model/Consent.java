package org.hotline.caseconnector.model;

/**
 * What the person agreed to. {@code safeToCallBack} is their own answer (yes, no, or not asked);
 * sharing with other organisations and consent for services are recorded by an officer.
 */
public record Consent(Answer safeToCallBack, boolean shareWithOrganisations, boolean services) {

    public enum Answer { YES, NO, UNKNOWN }

    public Consent {
        safeToCallBack = safeToCallBack == null ? Answer.UNKNOWN : safeToCallBack;
    }

    public static Consent none() {
        return new Consent(Answer.UNKNOWN, false, false);
    }
}
