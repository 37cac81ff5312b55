package org.hotline.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.QueuedContact;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestConfig;
import org.hotline.gateway.testing.TestUsers;
import org.hotline.gateway.testing.TwilioTestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard in {@code config/grafana/} queries only metrics the gateway exports: each
 * is made to appear (a queue wait, an unanswered offer, a contact, a refused webhook, a request too
 * large) and then looked for in {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrafanaDashboardTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TwilioTestGateway.register(registry, dataDir, "test-auth-token", "AC00000000000000000000000000000001", () -> "http://localhost:9");
        TestUsers.register(registry);
    }

    @LocalServerPort int port;
    @Autowired RoutingService routing;
    @Autowired CallLog callLog;
    @Autowired JsonMapper json;

    @Test
    void shouldQueryOnlyMetricsTheGatewayExports() throws Exception {
        // a caller is offered to Elena, who does not answer; the caller hangs up; a contact is logged
        routing.setPresence("elena", Presence.AVAILABLE, "test");
        routing.enqueue(QueuedContact.waiting("CA-grafana-1", Channel.VOICE, "counter-trafficking", "en", Node.Priority.NORMAL, "trafficking",
                Instant.now()));
        routing.noAnswer("CA-grafana-1", "elena", "rang out");
        routing.abandon("CA-grafana-1");
        routing.enqueue(QueuedContact.waiting("CA-grafana-2", Channel.VOICE, "counter-trafficking", "en", Node.Priority.NORMAL, "trafficking",
                Instant.now()));
        routing.answered("CA-grafana-2", routing.snapshot().queue("counter-trafficking").getFirst().offeredTo());
        callLog.record(new CallRecord("CA-grafana-2", ContactChannel.TWILIO_VOICE, null, "en", "trafficking", "counter-trafficking", List.of(),
                Instant.now(), Instant.now(), Duration.ZERO, "elena", Duration.ZERO, CallOutcome.ANSWERED, List.of(), null, null, null));
        // an unsigned webhook, and one too large
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/twilio/voice"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("CallSid=CA1")).build(),
                HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/twilio/voice"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Body=" + "x".repeat(2 * 1024 * 1024))).build(), HttpResponse.BodyHandlers.discarding());

        String scraped = new ApiClient(port).get("/actuator/prometheus", TestUsers.ROOT).body();
        Set<String> exported = new TreeSet<>();
        Matcher name = Pattern.compile("(?m)^(hotline_[a-z_]+)").matcher(scraped);
        while (name.find()) {
            exported.add(name.group(1));
        }

        JsonNode dashboard = json.readTree(Files.readString(TestConfig.repositoryRoot().resolve("config/grafana/hotline-gateway.json")));
        Set<String> queried = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            Matcher metric = Pattern.compile("hotline_[a-z_]+").matcher(target.path("expr").asString());
            while (metric.find()) {
                queried.add(metric.group());
            }
        }));
        assertThat(queried).as("the dashboard's metrics").contains("hotline_queue_waiting", "hotline_queue_wait_seconds_bucket",
                "hotline_contacts_total", "hotline_webhooks_rejected_total", "hotline_delivery_backlog");
        assertThat(exported).as("what /actuator/prometheus exports").containsAll(queried);
    }
}
