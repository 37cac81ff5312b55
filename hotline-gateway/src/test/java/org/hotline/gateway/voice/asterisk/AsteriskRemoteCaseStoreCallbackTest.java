package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A callback for a referral only a remote case store will hold (here one that is down): found in the outbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AsteriskRemoteCaseStoreCallbackTest {

    static final FakeAsteriskManager asterisk = new FakeAsteriskManager("hotline", "test-ami-secret");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        asterisk.gatewayLogsIn(registry, dataDir);
        TestUsers.register(registry);
        registry.add("hotline.case-store.adapter", () -> "webhook");
        registry.add("hotline.case-store.webhook.url", () -> "http://127.0.0.1:9/referrals");
        registry.add("hotline.case-store.allow-insecure-http", () -> "true");
        registry.add("hotline.case-store.webhook.secret", () -> "test-webhook-secret-of-at-least-32-bytes");
    }

    @AfterAll
    static void stopAsterisk() throws Exception {
        asterisk.close();
    }

    @LocalServerPort int port;

    @Test
    void shouldCallBackFromTheOutboxWhenTheCaseStoreIsElsewhere() {
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.logins.contains("accepted"));
        var api = new ApiClient(port);
        String body = """
                {"kind":"callback","team":"avrr","topic":"return","language":"en","channel":"voice",
                 "contact":"+359888000701","callbackNumber":"+359888000701","safeToCallBack":"yes",
                 "consentNote":"asked on the phone: yes, after 18:00 only"}""";
        HttpResponse<String> created = api.post("/api/v1/referrals", body, TestUsers.GOSHO, "Idempotency-Key", "remote-callback-1");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> placed = api.post("/api/v1/referrals/officer:remote-callback-1/call-back", "", TestUsers.GOSHO);

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(asterisk.actions).anyMatch(a -> a.startsWith("Originate channel=PJSIP/211")
                && a.contains("HOTLINE_CALLBACK_DIAL=PJSIP/+359888000701@trunk") && a.contains("HOTLINE_REFERRAL=officer:remote-callback-1")));
    }
}
