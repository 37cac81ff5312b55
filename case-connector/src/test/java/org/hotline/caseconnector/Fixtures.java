package org.hotline.caseconnector;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.caseconnector.store.FieldCipher;

/** Fake people and calls for the connector's tests: numbers are fictional, text is invented. */
public final class Fixtures {

    public static final Instant AT = Instant.parse("2026-12-01T08:15:00Z");

    private Fixtures() {}

    public static Referral callback(String id) {
        return new Referral(id, ReferralKind.CALLBACK, "trafficking", Referral.Urgency.URGENT, "counter-trafficking", "ar", "voice",
                "+359880000501", "+359880000501", new Consent(Consent.Answer.YES, false, false, Consent.Source.caller("safe_to_call", AT)),
                Map.of("topic", "trafficking", "safe_to_call", "yes"), null, null, null, "flow", AT);
    }

    public static Referral voicemail(String id) {
        return new Referral(id, ReferralKind.VOICEMAIL, "return", Referral.Urgency.NORMAL, "avrr", "ru", "voice",
                "+359880000502", null, Consent.none(), Map.of("topic", "return"), "RE00000000000000000000000000000009",
                "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE00000000000000000000000000000009", null, "flow", AT);
    }

    public static CallSummary call(String id) {
        return new CallSummary(id, "voice", "+359880000503", "en", "visa", "visa-centre", java.util.List.of("language", "topic", "visa"),
                AT, AT.plusSeconds(95), 12, "visa-desk", 70, "answered", java.util.List.of(), "information-given");
    }

    /** Reversible and obviously not plain text, enough to show that stores never keep the plain value. */
    public static final FieldCipher CIPHER = new FieldCipher() {
        @Override
        public String encrypt(String plaintext, String context) {
            return "enc:" + Base64.getEncoder().encodeToString(new StringBuilder(plaintext).reverse().toString().getBytes());
        }

        @Override
        public String decrypt(String ciphertext, String context) {
            return new StringBuilder(new String(Base64.getDecoder().decode(ciphertext.substring(4)))).reverse().toString();
        }
    };
}
