package org.hotline.caseconnector.model;

/**
 * What a referral asks of the case system: hand the person to a team or partner (needs consent),
 * record that information was given, call the person back, or listen to their voicemail.
 */
public enum ReferralKind { CASE_REFERRAL, INFORMATION, CALLBACK, VOICEMAIL }
