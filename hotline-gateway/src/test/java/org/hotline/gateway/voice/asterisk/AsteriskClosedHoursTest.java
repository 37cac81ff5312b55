package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.scripts.AudioNames;
import org.hotline.gateway.scripts.PromptRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A call over FastAGI at 03:00 on a Saturday in Sofia, when every team is closed. */
@SpringBootTest
class AsteriskClosedHoursTest {

    static final int AGI_PORT = AsteriskCallTest.freePort();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AsteriskCallTest.agiOn(registry, AGI_PORT, dataDir);
    }

    @TestConfiguration
    static class Fixtures {
        @Bean
        @Primary
        Clock saturdayNight() {
            return Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired PromptRenderer prompts;
    @Autowired CallLog callLog;

    @Test
    void shouldSayTheOpeningHoursAndTakeAMessageInsteadOfQueueing() {
        var caller = new AsteriskCaller().presses("2", "1", "2").call(AGI_PORT, "1764896400.301", "+359888000301");

        String closed = AudioNames.of("en", prompts.text("en", "closed_hours", "counter-trafficking"));
        assertThat(caller.commands).contains("STREAM FILE \"hotline/en/" + closed + "\" \"\"");
        assertThat(caller.commands).noneMatch(c -> c.startsWith("EXEC \"Queue\""));
        assertThat(caller.commands).anyMatch(c -> c.startsWith("RECORD FILE"));
        var logged = callLog.recent(r -> r.providerRef() != null && r.providerRef().startsWith("1764896400.301 "), 1).getFirst();
        assertThat(logged.outcome().wireName()).isEqualTo("voicemail");
        assertThat(logged.path()).contains("trafficking_closed", "trafficking_voicemail");
    }
}
