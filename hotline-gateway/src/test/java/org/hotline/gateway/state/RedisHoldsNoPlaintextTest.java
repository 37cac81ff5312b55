package org.hotline.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway on Redis: health names it, and a dump of Redis after a session shows no number or text. */
@ExtendWith(TestRedis.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisHoldsNoPlaintextTest {

    private static final String FAKE_NUMBER = "+359880000123";
    private static final String FAKE_TEXT = "They took my passport";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("hotline.state.store", () -> "redis");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("hotline.pii.key", () -> Base64.getEncoder().encodeToString(PiiCipher.newKey()));
        registry.add("hotline.state.data-dir", () -> dataDir.toString());
        registry.add("hotline.public-base-url", () -> PUBLIC);
        registry.add("hotline.twilio.auth-token", () -> TOKEN);
        registry.add("hotline.twilio.account-sid", () -> "AC00000000000000000000000000000001");
        // Twilio unreachable: the flow's answers wait in the outbound queue, in Redis
        registry.add("hotline.twilio.api-base-url", () -> "http://localhost:9");
        registry.add("hotline.viber.auth-token", () -> VIBER_TOKEN);
        registry.add("hotline.viber.api-base-url", () -> "http://localhost:9");
        org.hotline.gateway.testing.TestUsers.register(registry);
    }

    private static final String VIBER_TOKEN = "test-viber-token-for-the-redis-dump";

    private static final String PUBLIC = "https://hotline.example.org";
    private static final String TOKEN = "test-auth-token";

    @Autowired SessionStore sessions;
    @Autowired StreamStore streams;
    @Autowired DedupeStore dedupe;
    @Autowired PiiCipher cipher;
    @LocalServerPort int port;

    @Test
    void shouldReportRedisInHealth() throws Exception {
        // details are for an admin who signs in
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(org.hotline.gateway.testing.TestUsers.ROOT.getBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"store\":\"redis\"", "\"redis\":\"PONG\"", "Redis persists nothing");
    }

    @Test
    void shouldHoldNoPlainNumberOrTextWhenASessionWasStored() {
        String contact = cipher.lookupHash(FAKE_NUMBER);
        sessions.put("call:CA0001", "{\"from\":\"" + FAKE_NUMBER + "\",\"said\":\"" + FAKE_TEXT + "\"}", Duration.ofMinutes(5));
        sessions.put("contact:" + contact, "{\"language\":\"ar\",\"number\":\"" + FAKE_NUMBER + "\"}", Duration.ofDays(30));
        dedupe.markFirst("twilio:SM0001", Duration.ofHours(1));
        streams.ensureGroup("outbox", "case-connector");
        streams.append("outbox", "referral", "{\"contact\":\"" + FAKE_NUMBER + "\",\"note\":\"" + FAKE_TEXT + "\"}");

        String dump = dumpRedis(TestRedis.template());

        assertThat(dump).contains("hotline:session:call:CA0001", "hotline:stream:outbox");
        assertThat(dump).doesNotContain(FAKE_NUMBER, FAKE_NUMBER.substring(1), "880000123", FAKE_TEXT, "passport");
        // and the gateway still reads back what it stored
        assertThat(sessions.get("call:CA0001")).hasValueSatisfying(v -> assertThat(v).contains(FAKE_NUMBER));
    }

    @Test
    void shouldHoldNoPlainNumberOrTextAfterAWhatsappConversation() throws Exception {
        String person = "whatsapp:+359880000124";
        String words = "My employer keeps my documents";
        int n = 0;
        for (String body : List.of("Hello", "2", "1", words)) {
            java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
            form.put("MessageSid", String.format("SM%032d", ++n));
            form.put("From", person);
            form.put("To", "whatsapp:+359884602185");
            form.put("Body", body);
            form.put("NumMedia", "0");
            form.put("ProfileName", "Testperson Fakename");
            String path = "/webhooks/twilio/messaging";
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", org.hotline.gateway.testing.TwilioSigner.sign(TOKEN, PUBLIC + path, form))
                    .POST(HttpRequest.BodyPublishers.ofString(org.hotline.gateway.testing.TwilioSigner.form(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }

        String dump = dumpRedis(TestRedis.template());

        assertThat(dump).contains("hotline:session:chat:conv:", "hotline:session:chat:entry:", "hotline:stream:chat:outbound");
        assertThat(dump).doesNotContain("880000124", words, "employer", "Testperson", "Fakename", "Please reply with the number");
    }

    @Test
    void shouldHoldNoPlainViberIdAfterSubscriptionEvents() throws Exception {
        String viberId = "ZxQvViberUserIdAbc123==";
        for (String body : List.of(
                "{\"event\":\"subscribed\",\"timestamp\":1764576000100,\"message_token\":4912661846655238145,"
                        + "\"user\":{\"id\":\"" + viberId + "\",\"name\":\"Anna\",\"language\":\"uk\",\"country\":\"UA\",\"api_version\":10}}",
                "{\"event\":\"unsubscribed\",\"timestamp\":1764576000200,\"message_token\":4912661846655238146,"
                        + "\"user_id\":\"" + viberId + "\"}")) {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/viber"))
                    .header("Content-Type", "application/json")
                    .header("X-Viber-Content-Signature", org.hotline.gateway.testing.ViberSigner.sign(VIBER_TOKEN, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        String dump = dumpRedis(TestRedis.template());

        assertThat(dump).contains("hotline:seen:chat:");
        assertThat(dump).doesNotContain(viberId, "ZxQvViberUserId", "Anna");
    }

    private static String dumpRedis(StringRedisTemplate redis) {
        List<String> out = new ArrayList<>();
        for (String key : redis.keys("*")) {
            out.add(key);
            DataType type = redis.type(key);
            switch (type) {
                case STRING -> out.add(redis.opsForValue().get(key));
                case STREAM -> redis.opsForStream().range(key, Range.unbounded())
                        .forEach(r -> out.add(r.getValue().toString()));
                case HASH -> out.add(redis.opsForHash().entries(key).toString());
                case LIST -> out.addAll(redis.opsForList().range(key, 0, -1));
                case SET -> out.addAll(redis.opsForSet().members(key));
                case ZSET -> out.addAll(redis.opsForZSet().range(key, 0, -1));
                default -> out.add("?" + type);
            }
        }
        return String.join("\n", out);
    }
}
