package org.hotline.gateway.calllog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.hotline.gateway.flow.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CallOutcomeTest {

    @ParameterizedTest(name = "{6}")
    @CsvSource({
            "true,  false, false, false, false, true,  ANSWERED",
            "true,  false, true,  true,  true,  true,  ANSWERED",
            "false, true,  false, false, false, false, TRANSFERRED",
            "false, false, true,  true,  false, true,  CALLBACK_REQUESTED",
            "false, false, false, true,  true,  true,  VOICEMAIL",
            "false, false, false, false, true,  true,  ABANDONED_IN_QUEUE",
            "false, false, false, false, true,  false, ABANDONED_IN_IVR",
            "false, false, false, false, false, false, INFORMATION_ONLY",
    })
    void shouldNameTheStrongestFactOfTheSession(boolean answered, boolean transferred, boolean callback, boolean voicemail,
                                                boolean hungUp, boolean queued, CallOutcome expected) {
        assertThat(CallOutcome.of(answered, transferred, callback, voicemail, hungUp, queued)).isEqualTo(expected);
    }

    @Test
    void shouldRefuseARecordThatEndsBeforeItStarts() {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        assertThatThrownBy(() -> new CallRecord("CA1", org.hotline.gateway.channel.ContactChannel.TWILIO_VOICE, null, null, null, null, null, start, start.minusSeconds(1),
                null, null, null, CallOutcome.ANSWERED, null, null, null, null)).hasMessageContaining("cannot end before it starts");
    }
}
