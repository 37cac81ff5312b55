package org.hotline.gateway.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.flow.Referral;
import org.junit.jupiter.api.Test;

class OutboxMapperTest {

    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void shouldMapAFlowReferralWithItsOriginToTheConnectorsModel() {
        var referral = OutboxMapper.INSTANCE.toReferral(new Referral("CA1:voicemail_saved", Node.ReferralKind.VOICEMAIL, Node.Priority.NORMAL,
                        "avrr", "return", "uk", Channel.VOICE, "unknown", null, null, "RE1", Map.of("topic", "return")),
                new OutboxMapper.Origin("+359880000888", null, "https://api.twilio.com/x/RE1", "flow", AT));

        assertThat(referral.id()).isEqualTo("CA1:voicemail_saved");
        assertThat(referral.kind()).isEqualTo(ReferralKind.VOICEMAIL);
        assertThat(referral.urgency()).isEqualTo(org.hotline.caseconnector.model.Referral.Urgency.NORMAL);
        assertThat(referral.channel()).isEqualTo("voice");
        assertThat(referral.contact()).isEqualTo("+359880000888");
        assertThat(referral.consent()).isEqualTo(new Consent(Consent.Answer.UNKNOWN, false, false));
        assertThat(referral.recordingRef()).isEqualTo("RE1");
        assertThat(referral.recordingUrl()).isEqualTo("https://api.twilio.com/x/RE1");
        assertThat(referral.answers()).containsEntry("topic", "return");
        assertThat(referral.createdAt()).isEqualTo(AT);
    }

    @Test
    void shouldMapACallRecordToASummaryInSeconds() {
        var summary = org.hotline.gateway.calllog.CallSummaryMapper.INSTANCE.toSummary(new CallRecord("CA2", org.hotline.gateway.channel.ContactChannel.WHATSAPP, "whatsapp:+359880000999", "fa", "refugees",
                "protection", List.of("language", "topic"), AT, AT.plusSeconds(600), Duration.ofSeconds(42), "mobile-team-2",
                Duration.ofSeconds(300), CallOutcome.CALLBACK_REQUESTED, List.of("CA2:callback_referral"), null, null, null));
        assertThat(summary.queueWaitSeconds()).isEqualTo(42);
        assertThat(summary.talkTimeSeconds()).isEqualTo(300);
        assertThat(summary.outcome()).isEqualTo("callback_requested");
        assertThat(summary.channel()).isEqualTo("whatsapp");
        assertThat(summary.referralIds()).containsExactly("CA2:callback_referral");
    }
}
