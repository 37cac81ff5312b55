package org.hotline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The routing and call log API over real HTTP, by role; and what it shows in /actuator/prometheus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hotline.state.data-dir", () -> dataDir.toString());
        registry.add("hotline.routing.tick", () -> "1h");
        TestUsers.register(registry);
    }

    @LocalServerPort int port;
    @Autowired RoutingService routing;
    @Autowired CallLog callLog;
    @Autowired org.hotline.gateway.state.SessionStore store;
    ApiClient api;

    @BeforeEach
    void freshRouting() {
        api = new ApiClient(port);
        store.remove(RoutingService.STATE_KEY);
    }

    @Test
    void shouldRefuseEveryRoutingEndpointWhenAnonymous() {
        assertThat(api.get("/api/v1/officers", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/queues", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/calls", null).statusCode()).isEqualTo(401);
        assertThat(api.put("/api/v1/officers/elena/presence", "{\"presence\":\"available\"}", null).statusCode()).isEqualTo(401);
        assertThat(api.put("/api/v1/teams/avrr/override", "{\"state\":\"closed\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldLetAnOfficerChangeOnlyTheirOwnPresence() {
        var own = api.put("/api/v1/officers/elena/presence", "{\"presence\":\"available\"}", TestUsers.OLGA);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"presence\":\"available\"");

        assertThat(api.put("/api/v1/officers/georgi/presence", "{\"presence\":\"available\"}", TestUsers.OLGA).statusCode()).isEqualTo(403);
        assertThat(api.put("/api/v1/officers/georgi/presence", "{\"presence\":\"away\",\"reason\":\"visit to Busmantsi\"}", TestUsers.SUE).statusCode())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/officers/elena/presence", "{\"presence\":\"busy\"}", TestUsers.OLGA).statusCode()).isEqualTo(400);
        assertThat(api.put("/api/v1/officers/nobody/presence", "{\"presence\":\"away\"}", TestUsers.SUE).statusCode()).isEqualTo(404);

        String officers = api.get("/api/v1/officers", TestUsers.GOSHO).body();
        assertThat(officers).contains("{\"id\":\"elena\",\"displayName\":\"Elena\"", "\"declared\":\"away\"");
    }

    @Test
    void shouldLetOnlySupervisorsForceATeamOpenOrClosed() {
        assertThat(api.put("/api/v1/teams/avrr/override", "{\"state\":\"closed\",\"reason\":\"staff meeting\"}", TestUsers.OLGA).statusCode())
                .isEqualTo(403);

        var closed = api.put("/api/v1/teams/avrr/override", "{\"state\":\"closed\",\"reason\":\"staff meeting\"}", TestUsers.SUE);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("\"open\":false", "\"reason\":\"staff meeting\"", "\"by\":\"sue\"");

        var open = api.put("/api/v1/teams/avrr/override",
                "{\"state\":\"open\",\"until\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"}", TestUsers.ROOT);
        assertThat(open.body()).contains("\"open\":true");

        assertThat(api.put("/api/v1/teams/avrr/override", "{\"state\":\"scheduled\"}", TestUsers.SUE).body()).contains("\"override\":null");
        assertThat(api.put("/api/v1/teams/avrr/override", "{\"state\":\"maybe\"}", TestUsers.SUE).statusCode()).isEqualTo(400);
        assertThat(api.put("/api/v1/teams/avrr/override", "{\"state\":\"open\",\"until\":\"2020-01-01T00:00:00Z\"}", TestUsers.SUE)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void shouldShowTheQueuesByLanguageWithoutNumbers() {
        routing.setPresence("georgi", Presence.AVAILABLE, "test");
        routing.enqueue(QueuedContact.waiting("CA-1", Channel.VOICE, "avrr", "ru", Priority.NORMAL, "return", Instant.now()));
        routing.enqueue(QueuedContact.waiting("CA-2", Channel.VOICE, "avrr", "uk", Priority.URGENT, "return", Instant.now()));

        var queues = api.get("/api/v1/queues", TestUsers.GOSHO);

        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains("\"team\":\"avrr\"", "\"waiting\":2", "\"byLanguage\":{\"ru\":1,\"uk\":1}",
                "\"offeredTo\":\"georgi\"", "\"priority\":\"urgent\"");
        assertThat(queues.body()).doesNotContain("CA-1", "+359");
    }

    @Test
    void shouldShowSupervisorsEveryCallAndOfficersTheirOwnWithNumbersMasked() {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        callLog.record(new CallRecord("CA-A", org.hotline.gateway.channel.ContactChannel.TWILIO_VOICE, "+359880000101", "ar", "trafficking", "counter-trafficking",
                List.of("language", "topic"), start, start.plusSeconds(300), Duration.ofSeconds(20), "elena",
                Duration.ofSeconds(250), CallOutcome.ANSWERED, List.of(), null, null, null));
        callLog.record(new CallRecord("CA-B", org.hotline.gateway.channel.ContactChannel.WHATSAPP, "whatsapp:+359880000202", "ru", "return", "avrr",
                List.of("language"), start, start.plusSeconds(60), Duration.ZERO, "georgi", Duration.ofSeconds(40),
                CallOutcome.ANSWERED, List.of("CA-B:refer"), null, null, null));

        var olga = api.get("/api/v1/calls", TestUsers.OLGA);
        assertThat(olga.body()).contains("CA-A").doesNotContain("CA-B");
        var sue = api.get("/api/v1/calls", TestUsers.SUE);
        assertThat(sue.body()).contains("CA-A", "CA-B", "\"contact\":\"+359******101\"", "\"contact\":\"whatsapp:+359******202\"");
        assertThat(sue.body()).doesNotContain("+359880000101", "359880000202");
        assertThat(api.get("/api/v1/calls?channel=chat", TestUsers.SUE).body()).contains("CA-B").doesNotContain("CA-A");
        assertThat(api.get("/api/v1/calls?outcome=voicemail", TestUsers.SUE).body()).isEqualTo("[]");

        String metrics = api.get("/actuator/prometheus", TestUsers.ROOT).body();
        assertThat(metrics).contains("hotline_contacts_total{channel=\"twilio-voice\",language=\"ar\",outcome=\"answered\",topic=\"trafficking\"} 1.0");
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
    void shouldExposeRoutingMetrics() {
        routing.setPresence("georgi", Presence.AVAILABLE, "test");
        routing.enqueue(QueuedContact.waiting("CA-1", Channel.VOICE, "avrr", "ru", Priority.NORMAL, "return", Instant.now()));
        routing.answered("CA-1", "georgi");
        routing.enqueue(QueuedContact.waiting("CA-2", Channel.VOICE, "avrr", "ru", Priority.NORMAL, "return", Instant.now()));
        routing.abandon("CA-2");

        String metrics = api.get("/actuator/prometheus", TestUsers.ROOT).body();
        assertThat(metrics).contains("hotline_officers{presence=\"busy\"} 1.0", "hotline_queue_waiting{team=\"avrr\"} 0.0",
                "hotline_queue_wait_seconds_count{result=\"answered\",team=\"avrr\"} 1",
                "hotline_queue_wait_seconds_count{result=\"abandoned\",team=\"avrr\"} 1",
                "hotline_ring_time_seconds_bucket", "hotline_queue_abandonment_ratio 0.5");
    }
}
