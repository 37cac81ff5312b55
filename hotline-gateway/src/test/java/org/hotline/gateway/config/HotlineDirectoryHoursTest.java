package org.hotline.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Opening hours of the shipped configuration, in Sofia time, against Bulgarian holidays. */
class HotlineDirectoryHoursTest {

    @Configuration
    @EnableConfigurationProperties(HotlineConfig.class)
    @Import({ConfigConfiguration.class, DailyHoursConverter.class})
    static class OnlyConfig {}

    static HotlineDirectory directory;

    @BeforeAll
    static void load() {
        try (var context = new SpringApplicationBuilder(OnlyConfig.class).web(WebApplicationType.NONE).run()) {
            directory = context.getBean(HotlineDirectory.class);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> open={2}")
    @CsvSource({
            "a normal Tuesday at 10:00,           2026-12-01T10:00, true",
            "a Tuesday at 09:00 sharp,            2026-12-01T09:00, true",
            "a Tuesday at 17:59,                  2026-12-01T17:59, true",
            "a Tuesday at 18:00,                  2026-12-01T18:00, false",
            "a Tuesday at 18:01,                  2026-12-01T18:01, false",
            "a Tuesday at 08:59,                  2026-12-01T08:59, false",
            "a Saturday at 10:00,                 2026-12-05T10:00, false",
            "Orthodox Good Friday 2026,           2026-04-10T10:00, false",
            "Orthodox Easter Monday 2026,         2026-04-13T10:00, false",
            "Western Easter Monday 2026 (open),   2026-04-06T10:00, true",
            "Christmas Day,                       2026-12-25T10:00, false",
            "Liberation Day on a Tuesday,         2026-03-03T10:00, false",
            "Orthodox Easter Monday 2027,         2027-05-03T10:00, false",
    })
    void shouldKnowWhetherCounterTraffickingIsOpen(String when, LocalDateTime sofiaTime, boolean open) {
        var instant = sofiaTime.atZone(ZoneId.of("Europe/Sofia")).toInstant();
        assertThat(directory.isOpen("counter-trafficking", instant)).as(when).isEqualTo(open);
    }
}
