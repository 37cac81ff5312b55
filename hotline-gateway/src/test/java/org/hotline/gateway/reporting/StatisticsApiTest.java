package org.hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The statistics export over real HTTP, from a call log with small cells: what it shows, and what it never does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hotline.state.data-dir", () -> dataDir.toString());
        registry.add("hotline.routing.tick", () -> "1h");
        TestUsers.register(registry);
    }

    @LocalServerPort int port;
    @Autowired CallLog callLog;
    @Autowired JsonMapper json;

    static boolean recorded;

    /** Week 48 of 2026 (Monday 23 November): 12 calls about trafficking, 7 WhatsApp about return, 2 Viber about visas. */
    @org.junit.jupiter.api.BeforeEach
    void callLogOfAWeek() {
        if (recorded) {
            return;
        }
        recorded = true;
        Instant monday = Instant.parse("2026-11-23T08:00:00Z");
        int n = 0;
        for (int i = 0; i < 12; i++) {
            record("stats-call-" + n++, ContactChannel.ASTERISK, "+3598880001" + String.format("%02d", i), "trafficking", monday.plusSeconds(3600L * i));
        }
        for (int i = 0; i < 7; i++) {
            record("stats-wa-" + n++, ContactChannel.WHATSAPP, "whatsapp:+3598880002" + String.format("%02d", i), "return", monday.plusSeconds(86_400 + 60L * i));
        }
        for (int i = 0; i < 2; i++) {
            record("stats-viber-" + n++, ContactChannel.VIBER, "viber-user-" + i, "visa", monday.plusSeconds(2 * 86_400 + 60L * i));
        }
    }

    void record(String id, ContactChannel channel, String contact, String topic, Instant at) {
        callLog.record(new CallRecord(id, channel, contact, "ar", topic, "counter-trafficking", List.of("language", "topic"), at,
                at.plusSeconds(120), Duration.ofSeconds(10), "elena", Duration.ofSeconds(100), CallOutcome.ANSWERED, List.of(), null, null,
                null));
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void shouldCountByWeekAndChannelShowingNoSmallCellAndNothingThatGivesOneAway() {
        var response = api().get("/api/v1/statistics?from=2026-11-23&to=2026-11-30&by=week,channel,topic", TestUsers.SUE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.path("minCell").asInt()).isEqualTo(5);
        // 2 Viber contacts are too few to show; with the week's total (21) shown, the 7 would give them away: hidden too
        assertThat(rows(report)).containsExactlyInAnyOrder("2026-W48 voice trafficking 12", "2026-W48 whatsapp return x",
                "2026-W48 viber visa <5");
        assertThat(report.path("totals").get(0).path("contacts").asString()).isEqualTo("21");
        // no id, no number, no time finer than the week in what is published (the query's own dates aside)
        assertThat(report.path("rows").toString() + report.path("totals"))
                .doesNotContain("stats-", "+359", "viber-user", "T08:", "2026-11-2", "elena");
    }

    @Test
    void shouldDownloadTheSameAsCsv() {
        var response = api().get("/api/v1/statistics.csv?from=2026-11-23&to=2026-11-30&by=week,channel", TestUsers.SUE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(response.body().split("\r\n")).containsExactlyInAnyOrder("week,channel,contacts", "2026-W48,voice,12",
                "2026-W48,whatsapp,x", "2026-W48,viber,<5", "2026-W48,all,21");
        assertThat(response.body()).doesNotContain("stats-", "+359");
    }

    @Test
    void shouldRefuseOfficersAndQueriesFinerThanThePeriod() {
        assertThat(api().get("/api/v1/statistics?from=2026-11-23&to=2026-11-30", TestUsers.OLGA).statusCode()).isEqualTo(403);
        // a week must start on a Monday: else two queries a day apart would count one day
        assertThat(api().get("/api/v1/statistics?from=2026-11-24&to=2026-11-30&by=week", TestUsers.SUE).statusCode()).isEqualTo(400);
        assertThat(api().get("/api/v1/statistics?from=2026-11-01&to=2026-12-01&by=month,week", TestUsers.SUE).statusCode()).isEqualTo(400);
        assertThat(api().get("/api/v1/statistics?from=2026-11-23&to=2026-11-30&by=week,contact", TestUsers.SUE).statusCode()).isEqualTo(400);
        assertThat(api().get("/api/v1/statistics?from=2026-11-30&to=2026-11-23", TestUsers.SUE).statusCode()).isEqualTo(400);
    }

    static List<String> rows(JsonNode report) {
        List<String> rows = new java.util.ArrayList<>();
        report.path("rows").forEach(row -> {
            StringBuilder line = new StringBuilder(row.path("period").asString());
            row.path("values").properties().forEach(e -> line.append(' ').append(e.getValue().asString()));
            rows.add(line.append(' ').append(row.path("contacts").asString()).toString());
        });
        return rows;
    }
}
