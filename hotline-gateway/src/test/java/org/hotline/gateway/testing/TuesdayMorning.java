package org.hotline.gateway.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The gateway's clock stopped on Tuesday 1 December 2026, 10:00 in Sofia, when the
 * counter-trafficking team is open: {@code @Import(TuesdayMorning.class)}.
 */
@TestConfiguration
public class TuesdayMorning {

    public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Bean
    @Primary
    Clock tuesdayMorning() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
