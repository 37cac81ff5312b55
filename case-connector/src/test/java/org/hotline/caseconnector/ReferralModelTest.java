package org.hotline.caseconnector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.junit.jupiter.api.Test;

class ReferralModelTest {

    @Test
    void shouldRefuseACallbackWithoutAYesToSafetyOrWithoutANumber() {
        assertThatThrownBy(() -> new Referral("CA1:cb", ReferralKind.CALLBACK, null, null, null, null, null, "+359880000501",
                "+359880000501", new Consent(Consent.Answer.NO, false, false, Consent.Source.caller("safe_to_call", Fixtures.AT)), Map.of(), null, null, null, null, Fixtures.AT))
                .hasMessageContaining("needs the person's yes");
        assertThatThrownBy(() -> new Referral("CA1:cb", ReferralKind.CALLBACK, null, null, null, null, null, "+359880000501",
                null, new Consent(Consent.Answer.YES, false, false, Consent.Source.caller("safe_to_call", Fixtures.AT)), Map.of(),
                null, null, null, null, Fixtures.AT))
                .hasMessageContaining("needs a number");
        assertThatThrownBy(() -> new Referral("CA1:vm", ReferralKind.VOICEMAIL, null, null, null, null, null, "+359880000501",
                "+359880000501", Consent.none(), Map.of(), null, null, null, null, Fixtures.AT))
                .hasMessageContaining("no callback number without a yes");
        assertThatThrownBy(() -> new Referral(" ", ReferralKind.INFORMATION, null, null, null, null, null, null, null, null, null,
                null, null, null, null, Fixtures.AT)).hasMessageContaining("needs an id");
    }

    @Test
    void shouldRefuseAYesWhoseSourceIsNotRecorded() {
        assertThatThrownBy(() -> new Referral("CA1:cb", ReferralKind.CALLBACK, null, null, null, null, null, "+359880000501",
                "+359880000501", new Consent(Consent.Answer.YES, false, false), Map.of(), null, null, null, null, Fixtures.AT))
                .hasMessageContaining("must say where it came from");
    }

    @Test
    void shouldRefuseAnOfficersRecordOfConsentWithoutWhoWhenOrHow() {
        assertThatThrownBy(() -> Consent.Source.officer("elena", Fixtures.AT, " ")).hasMessageContaining("note of how it was asked");
        assertThatThrownBy(() -> Consent.Source.officer(null, Fixtures.AT, "asked on WhatsApp")).hasMessageContaining("who asked");
        assertThatThrownBy(() -> Consent.Source.officer("elena", null, "asked on WhatsApp")).hasMessageContaining("when");
        assertThatThrownBy(() -> Consent.Source.caller(" ", Fixtures.AT)).hasMessageContaining("names the step");
    }
}
