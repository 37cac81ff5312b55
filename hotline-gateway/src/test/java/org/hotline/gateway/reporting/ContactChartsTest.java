package org.hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.channel.ContactChannel;
import org.junit.jupiter.api.Test;

/** The charts count real hours in the hotline's zone, across the daylight-saving changes. */
class ContactChartsTest {

    static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    static CallRecord call(String id, ContactChannel channel, Instant at, CallOutcome outcome, long waitSeconds) {
        return new CallRecord(id, channel, null, "ar", "trafficking", "counter-trafficking", List.of(), at, at.plusSeconds(60),
                Duration.ofSeconds(waitSeconds), null, Duration.ZERO, outcome, List.of(), null, null, null);
    }

    @Test
    void shouldCountTheRepeatedHourTwiceWhenTheClocksGoBack() {
        // Sunday 25 October 2026: at 04:00 EEST the clocks go back to 03:00 EET; 03:30 happens twice
        Instant firstHalfPastThree = Instant.parse("2026-10-25T00:30:00Z");
        Instant secondHalfPastThree = Instant.parse("2026-10-25T01:30:00Z");
        List<CallRecord> records = List.of(call("a", ContactChannel.ASTERISK, firstHalfPastThree, CallOutcome.ANSWERED, 10),
                call("b", ContactChannel.WHATSAPP, secondHalfPastThree, CallOutcome.ANSWERED, 10));
        Instant from = Instant.parse("2026-10-24T21:00:00Z");
        Instant now = Instant.parse("2026-10-25T23:00:00Z");

        ContactCharts.Series hours = ContactCharts.perHour(records, SOFIA, java.util.Locale.ENGLISH, from, now);

        assertThat(hours.labels()).hasSize(26).contains("Sun 25.10 03:00 (+03:00)", "Sun 25.10 03:00 (+02:00)");
        int first = hours.labels().indexOf("Sun 25.10 03:00 (+03:00)");
        int second = hours.labels().indexOf("Sun 25.10 03:00 (+02:00)");
        assertThat(second).isEqualTo(first + 1);
        assertThat(hours.values().get("voice").get(first)).isEqualTo(1);
        assertThat(hours.values().get("whatsapp").get(second)).isEqualTo(1);
        assertThat(hours.values().get("voice").stream().mapToInt(Number::intValue).sum()).isEqualTo(1);
    }

    @Test
    void shouldSkipTheMissingHourWhenTheClocksGoForwardAndGiveTheDaysRatesInPercent() {
        // Sunday 29 March 2026: 03:00 EET becomes 04:00 EEST
        Instant from = Instant.parse("2026-03-28T22:00:00Z");
        Instant now = Instant.parse("2026-03-29T21:00:00Z");
        List<CallRecord> records = List.of(call("a", ContactChannel.TWILIO_VOICE, Instant.parse("2026-03-29T06:00:00Z"), CallOutcome.ANSWERED, 12),
                call("b", ContactChannel.TWILIO_VOICE, Instant.parse("2026-03-29T07:00:00Z"), CallOutcome.ANSWERED, 95),
                call("c", ContactChannel.TWILIO_VOICE, Instant.parse("2026-03-29T08:00:00Z"), CallOutcome.ABANDONED_IN_QUEUE, 40),
                call("d", ContactChannel.TWILIO_VOICE, Instant.parse("2026-03-29T09:00:00Z"), CallOutcome.ABANDONED_IN_IVR, 0));

        ContactCharts.Charts charts = ContactCharts.of(records, SOFIA, java.util.Locale.ENGLISH, from, now, LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-30"),
                Duration.ofSeconds(30));

        assertThat(charts.perHour().labels()).hasSize(23).contains("Sun 29.03 02:00", "Sun 29.03 04:00").doesNotContain("Sun 29.03 03:00");
        // of the three who reached a queue: one left (33.3 %), one was answered within 30 s (33.3 %)
        assertThat(charts.perDay().values().get("abandonment")).containsExactly(33.3);
        assertThat(charts.perDay().values().get("serviceLevel")).containsExactly(33.3);
        assertThat(charts.byTopic().labels()).containsExactly("trafficking");
        assertThat(charts.byTopic().values().get("contacts")).containsExactly(4);
    }
}
