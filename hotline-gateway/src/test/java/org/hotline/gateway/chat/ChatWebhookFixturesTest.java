package org.hotline.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.gateway.testing.TwilioSigner;
import org.hotline.gateway.testing.TwilioTestGateway;
import org.hotline.gateway.testing.ViberSigner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messaging adapters over recorded payloads, one file per scenario in
 * {@code src/test/resources/chat/fixtures}: each is posted over real HTTP, signed as its provider
 * signs (or forged, or unsigned), as many times as it says; the test checks the answer, and the
 * channel-neutral events the adapter handed to the pipeline, field by field (JSON pointers), and
 * how many of them the pipeline found to be repeats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatWebhookFixturesTest {

    static final String TWILIO_TOKEN = "test-auth-token";
    static final String VIBER_TOKEN = "test-viber-token";
    static final String PUBLIC = TwilioTestGateway.PUBLIC;
    static final Path FIXTURES = Path.of("src/test/resources/chat/fixtures");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // nowhere to send replies: the flow's answers wait in the outbound queue
        TwilioTestGateway.register(registry, dataDir, TWILIO_TOKEN, "AC00000000000000000000000000000001", () -> "http://localhost:9");
        registry.add("hotline.viber.api-base-url", () -> "http://localhost:9");
        registry.add("hotline.viber.auth-token", () -> VIBER_TOKEN);
        registry.add("hotline.telegram.bot-token", () -> "123456:fixtures-telegram-token");
        registry.add("hotline.telegram.webhook-secret", () -> TELEGRAM_SECRET);
        registry.add("hotline.telegram.api-base-url", () -> "http://localhost:9");
    }

    static final String TELEGRAM_SECRET = "fixtures-telegram-webhook-secret-0123456789";

    /** Records what reaches the pipeline, and what the pipeline answered, around the real one. */
    @TestConfiguration
    static class Spy {
        static final List<ChatEvent> events = new ArrayList<>();
        static final List<ChatReceipt> receipts = new ArrayList<>();

        @Bean
        @Primary
        ChatGateway recordingGateway(@Qualifier("chatGateway") ChatGateway real) {
            return event -> {
                synchronized (events) {
                    events.add(event);
                }
                ChatReceipt receipt = real.accept(event);
                synchronized (receipts) {
                    receipts.add(receipt);
                }
                return receipt;
            };
        }
    }

    @LocalServerPort int port;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Path> fixtures() throws IOException {
        return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void adapterHandlesRecordedPayload(Path file) throws Exception {
        JsonNode fixture = json.readTree(Files.readString(file));
        Spy.events.clear();
        Spy.receipts.clear();
        JsonNode expect = fixture.path("expect");
        int times = fixture.path("times").asInt(1);
        for (int i = 0; i < times; i++) {
            HttpResponse<String> response = post(fixture);
            assertThat(response.statusCode()).as(fixture.path("about").asString() + ": " + response.body())
                    .isEqualTo(expect.path("status").asInt());
            if (expect.has("bodyContains")) {
                assertThat(response.body()).contains(expect.path("bodyContains").asString());
            }
        }
        JsonNode expectedEvents = expect.path("events");
        assertThat(Spy.events).as("events handed to the pipeline").hasSize(expectedEvents.size());
        for (int i = 0; i < expectedEvents.size(); i++) {
            ChatEvent event = Spy.events.get(i);
            JsonNode actual = json.valueToTree(event);
            for (var field : expectedEvents.get(i).properties()) {
                if (field.getKey().equals("@type")) {
                    assertThat(event.getClass().getSimpleName()).isEqualTo(field.getValue().asString());
                } else {
                    assertThat(actual.at(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
                }
            }
        }
        long duplicates = Spy.receipts.stream().filter(ChatReceipt::duplicate).count();
        assertThat(duplicates).as("repeats found by the dedupe").isEqualTo(expect.path("duplicates").asInt(0));
    }

    /** How each provider posts and signs a fixture: {@code valid}, {@code forged} (another key), or anything else (unsigned). */
    private interface Provider {
        HttpRequest.Builder request(JsonNode fixture, String signature);
    }

    private final Map<String, Provider> providers = Map.of(
            "twilio", (fixture, signature) -> {
                Map<String, String> form = new LinkedHashMap<>();
                fixture.path("form").properties().forEach(e -> form.put(e.getKey(), e.getValue().asString()));
                String path = fixture.path("path").asString();
                var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form)));
                switch (signature) {
                    case "valid" -> request.header("X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, PUBLIC + path, form));
                    case "forged" -> request.header("X-Twilio-Signature", TwilioSigner.sign("not-the-token", PUBLIC + path, form));
                    default -> { }
                }
                return request;
            },
            "viber", (fixture, signature) -> {
                String body = body(fixture);
                var request = json("/webhooks/viber", body);
                switch (signature) {
                    case "valid" -> request.header("X-Viber-Content-Signature", ViberSigner.sign(VIBER_TOKEN, body));
                    case "forged" -> request.header("X-Viber-Content-Signature", ViberSigner.sign("not-the-token", body));
                    default -> { }
                }
                return request;
            },
            "telegram", (fixture, signature) -> {
                var request = json("/webhooks/telegram", body(fixture));
                switch (signature) {
                    case "valid" -> request.header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET);
                    case "forged" -> request.header("X-Telegram-Bot-Api-Secret-Token", "not-the-secret-" + TELEGRAM_SECRET);
                    default -> { }
                }
                return request;
            });

    private String body(JsonNode fixture) {
        return fixture.has("raw") ? fixture.path("raw").asString() : json.writeValueAsString(fixture.path("body"));
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(JsonNode fixture) throws Exception {
        Provider provider = providers.get(fixture.path("provider").asString());
        assertThat(provider).as("a provider the harness knows: " + providers.keySet()).isNotNull();
        return http.send(provider.request(fixture, fixture.path("signature").asString()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
