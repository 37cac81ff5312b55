package org.hotline.caseconnector.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.caseconnector.Fixtures;
import org.hotline.caseconnector.store.webhook.WebhookCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The webhook adapter's exact requests, and what each answer of the receiver means. */
class WebhookCaseStoreTest {

    static final String SECRET = "shared-webhook-secret";
    final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    WebhookCaseStore store;

    @BeforeEach
    void start() {
        receiver.start();
        store = new WebhookCaseStore(URI.create("http://localhost:" + receiver.port() + "/hooks/hotline"), SECRET,
                Duration.ofMillis(800), JsonMapper.builder().build(), Clock.fixed(Fixtures.AT, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void shouldPostTheReferralAsSignedJsonWithItsIdAsIdempotencyKey() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hooks/hotline")).willReturn(aResponse().withStatus(201)));

        store.deliver(Fixtures.callback("CA1:callback_referral"));

        receiver.verify(postRequestedFor(urlEqualTo("/hooks/hotline"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Idempotency-Key", equalTo("CA1:callback_referral"))
                .withHeader("X-Hotline-Timestamp", equalTo(String.valueOf(Fixtures.AT.getEpochSecond())))
                .withRequestBody(equalToJson("""
                        {"type":"referral","id":"CA1:callback_referral","kind":"callback","topic":"trafficking","urgency":"urgent",
                         "team":"counter-trafficking","language":"ar","channel":"voice","contact":"+359880000501",
                         "callbackNumber":"+359880000501",
                         "consent":{"safeToCallBack":"yes","shareWithOrganisations":false,"services":false},
                         "answers":{"topic":"trafficking","safe_to_call":"yes"},"recordingRef":null,"recordingUrl":null,
                         "transcriptRef":null,"createdBy":"flow","createdAt":"2026-12-01T08:15:00Z"}""")));
        var request = receiver.getAllServeEvents().getFirst().getRequest();
        String expected = hmac(request.getHeader("X-Hotline-Timestamp") + "." + request.getBodyAsString());
        assertThat(request.getHeader("X-Hotline-Signature")).isEqualTo("sha256=" + expected);
    }

    @Test
    void shouldTakeAConflictAsAlreadyDelivered() {
        receiver.stubFor(post(urlEqualTo("/hooks/hotline")).willReturn(aResponse().withStatus(409)));
        assertThat(store.deliver(Fixtures.voicemail("CA2:voicemail_saved"))).isEqualTo("CA2:voicemail_saved");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"500, RETRY", "502, RETRY", "503, RETRY", "429, RETRY", "400, REJECT", "403, REJECT", "422, REJECT"})
    void shouldSayWhetherToRetryFromTheStatus(int status, DeliveryException.Kind kind) {
        receiver.stubFor(post(urlEqualTo("/hooks/hotline")).willReturn(aResponse().withStatus(status).withBody("{\"error\":\"nope\"}")));
        assertThatThrownBy(() -> store.deliver(Fixtures.callback("CA3:cb")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).contains("HTTP " + status, "nope");
                });
    }

    @Test
    void shouldRetryWhenTheReceiverIsTooSlowOrDown() {
        receiver.stubFor(post(urlEqualTo("/hooks/hotline")).willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
        assertThatThrownBy(() -> store.deliver(Fixtures.call("CA4")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.RETRY));
        receiver.stop();
        assertThatThrownBy(() -> store.deliver(Fixtures.call("CA4")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.RETRY));
    }

    static String hmac(String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
