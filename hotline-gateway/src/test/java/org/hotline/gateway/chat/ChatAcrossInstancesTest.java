package org.hotline.gateway.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.HotlineGatewayApplication;
import org.hotline.gateway.testing.TestRedis;
import org.hotline.gateway.testing.TwilioSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Two gateways sharing one real Redis: a person's messages reach either; a supervisor connected to
 * the other sees the inbox change; the flow's replies leave once each, in order, whichever
 * instance queued them.
 */
@ExtendWith(TestRedis.class)
class ChatAcrossInstancesTest {

    static final String TOKEN = "test-auth-token";
    static final String ACCOUNT = "AC00000000000000000000000000000001";
    static final String PUBLIC = "https://hotline.example.org";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    static WireMockServer twilio = new WireMockServer(options().dynamicPort().globalTemplating(true));
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        twilio.start();
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")));
        String key = Base64.getEncoder().encodeToString(PiiCipher.newKey());
        String hash = new BCryptPasswordEncoder(4).encode("pw");
        first = gateway(key, hash);
        second = gateway(key, hash);
    }

    static ConfigurableApplicationContext gateway(String key, String hash) throws Exception {
        return new SpringApplicationBuilder(HotlineGatewayApplication.class).run("--server.port=0", "--hotline.state.store=redis",
                "--spring.data.redis.url=" + TestRedis.url(), "--hotline.pii.key=" + key,
                "--hotline.state.data-dir=" + Files.createTempDirectory("gateway"), "--hotline.routing.tick=1h",
                "--hotline.public-base-url=" + PUBLIC, "--hotline.twilio.auth-token=" + TOKEN, "--hotline.twilio.account-sid=" + ACCOUNT,
                "--hotline.twilio.api-base-url=http://localhost:" + twilio.port(),
                "--hotline.security.users[0].username=sue", "--hotline.security.users[0].password-hash=" + hash,
                "--hotline.security.users[0].roles=supervisor");
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        twilio.stop();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aChangeOnOneInstanceReachesTheInboxOnTheOtherAndRepliesLeaveOnceInOrder() throws Exception {
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port(second) + "/api/v1/conversations/events"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sue:pw".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(events::add));
        await().until(() -> events.stream().anyMatch(l -> l.contains("ready")));

        String person = "whatsapp:+359880000301";
        whatsapp(first, person, "SM00000000000000000000000000000301", "hello");
        whatsapp(second, person, "SM00000000000000000000000000000302", "2");
        whatsapp(first, person, "SM00000000000000000000000000000303", "1");

        await().until(() -> events.stream().anyMatch(l -> l.contains("\"kind\":\"conversation\"") && l.contains("\"status\":\"queued\"")));
        List<String> bodies = await().until(() -> sentTo(person), list -> list.size() >= 3);
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0)).contains("2. English");
        assertThat(bodies.get(1)).contains("What do you need help with?");
        assertThat(bodies.get(2)).contains("112");
    }

    private List<String> sentTo(String person) {
        List<String> bodies = new ArrayList<>();
        twilio.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(MESSAGES))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> TwilioSigner.parse(e.getRequest().getBodyAsString()))
                .filter(f -> person.equals(f.get("To")))
                .forEach(f -> bodies.add(f.get("Body")));
        return bodies;
    }

    private void whatsapp(ConfigurableApplicationContext gateway, String person, String sid, String body) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("From", person);
        form.put("To", "whatsapp:+359884602185");
        form.put("Body", body);
        form.put("NumMedia", "0");
        String path = "/webhooks/twilio/messaging";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(gateway) + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, PUBLIC + path, form))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static int port(ConfigurableApplicationContext gateway) {
        return ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }
}
