package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.testing.MovableClock;
import org.hotline.gateway.testing.TuesdayMorning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The call record of an answered call: the wait is what Asterisk measured (QEHOLDTIME), the talk
 * runs from the pick-up to the moment Queue returns, when the officer's call ended. Both come with
 * the call itself, so nothing races it (AMI's AgentComplete, on another connection, once did).
 */
@SpringBootTest
class AsteriskTalkTimeTest {

    static final int AGI_PORT = AsteriskCallTest.freePort();

    @TempDir
    static Path dataDir;

    @TestConfiguration
    static class Hand {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(TuesdayMorning.NOW);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AsteriskCallTest.agiOn(registry, AGI_PORT, dataDir);
    }

    @Autowired CallLog callLog;
    @Autowired MovableClock clock;

    @Test
    void shouldLogHowLongTheCallerWaitedAndTheOfficerTalked() {
        // Elena picks up after 12 s in the queue and talks for 4 minutes: Queue returns 252 s after it began
        new AsteriskCaller().presses("2", "1").answeredBy("elena").heldFor(12)
                .whileQueued(() -> clock.advance(Duration.ofSeconds(252)))
                .call(AGI_PORT, "1764576000.501", "+359888000501");

        var logged = callLog.recent(r -> r.providerRef() != null && r.providerRef().startsWith("1764576000.501 "), 1).getFirst();
        assertThat(logged.outcome().wireName()).isEqualTo("answered");
        assertThat(logged.officerId()).isEqualTo("elena");
        assertThat(logged.queueWait()).isEqualTo(Duration.ofSeconds(12));
        assertThat(logged.talkTime()).isEqualTo(Duration.ofSeconds(240));
    }
}
