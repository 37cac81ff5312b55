package org.hotline.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.state.StreamStore;
import org.hotline.gateway.testing.RawRequest;
import org.hotline.gateway.testing.TwilioSigner;
import org.hotline.gateway.testing.TwilioTestGateway;
import org.hotline.gateway.testing.Twiml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attacks on the webhooks, over real sockets with the request line exactly as an attacker writes it:
 * every spelling of every Twilio and Viber path without a valid signature is refused and changes
 * nothing (no call to Twilio's API, no session, no log entry); bodies are capped before they are
 * read; a malformed body is a one-line 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebhookAttacksTest {

    static final String TOKEN = "attack-test-auth-token";
    static final String ACCOUNT = "AC00000000000000000000000000000009";
    static final String PUBLIC = TwilioTestGateway.PUBLIC;
    static final String CALL = "CA0000000000000000000000000000A77A";

    static WireMockServer twilioApi = new WireMockServer(options().dynamicPort());

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startTwilioApi() {
        twilioApi.start();
    }

    @AfterAll
    static void stopTwilioApi() {
        twilioApi.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TwilioTestGateway.register(registry, dataDir, TOKEN, ACCOUNT, () -> "http://localhost:" + twilioApi.port());
        registry.add("hotline.viber.auth-token", () -> "attack-test-viber-token");
    }

    @LocalServerPort int port;
    @Autowired CallLog callLog;
    @Autowired StreamStore streams;

    @BeforeEach
    void reset() {
        twilioApi.resetAll();
        twilioApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CA00000000000000000000000000000099\",\"status\":\"queued\"}")));
    }

    static final List<String> TWILIO_PATHS = List.of(
            "/webhooks/twilio/voice", "/webhooks/twilio/voice/gather?lang=en&n=1", "/webhooks/twilio/voice/record?lang=en&n=2",
            "/webhooks/twilio/voice/queue-result?lang=en", "/webhooks/twilio/voice/dial-result?lang=en", "/webhooks/twilio/voice/wait?lang=en",
            "/webhooks/twilio/voice/status", "/webhooks/twilio/voice/officer?call=" + CALL + "&officer=elena",
            "/webhooks/twilio/voice/officer-accept?call=" + CALL + "&officer=elena",
            "/webhooks/twilio/voice/officer-status?call=" + CALL + "&officer=elena",
            "/webhooks/twilio/voice/interpreter?call=" + CALL + "&interpreter=interpreter-wahid&language=ps",
            "/webhooks/twilio/voice/interpreter-accept?call=" + CALL + "&interpreter=interpreter-wahid",
            "/webhooks/twilio/voice/interpreter-status?call=" + CALL + "&interpreter=interpreter-wahid",
            "/webhooks/twilio/voice/conference?call=" + CALL + "&role=caller", "/webhooks/twilio/voice/conference-result?call=" + CALL,
            "/webhooks/twilio/messaging", "/webhooks/twilio/messaging/status");

    /** Ways to write a path that a router may still read as the same one. */
    static final Map<String, UnaryOperator<String>> SPELLINGS = new LinkedHashMap<>();

    static {
        SPELLINGS.put("as it is", p -> p);
        SPELLINGS.put("%74 for t", p -> p.replaceFirst("/(twilio|viber)", "/%74$1").replace("%74twilio", "%74wilio").replace("%74viber", "%76iber"));
        SPELLINGS.put("%2F for /", p -> p.replaceFirst("^/webhooks/", "/webhooks%2F"));
        SPELLINGS.put(";param", p -> p.replaceFirst("^/webhooks/", "/webhooks;jsessionid=x/"));
        SPELLINGS.put("double slashes", p -> "/" + p.replaceFirst("^/webhooks/", "/webhooks//"));
        SPELLINGS.put("upper case", p -> p.replaceFirst("^/webhooks/(\\w+)", "/WEBHOOKS/$1").toUpperCase().replace("?", "?"));
        SPELLINGS.put("mixed case", p -> p.replaceFirst("^/webhooks/t", "/webhooks/T").replaceFirst("^/webhooks/v", "/webhooks/V"));
        SPELLINGS.put("/./", p -> p.replaceFirst("^/webhooks/", "/webhooks/./"));
        SPELLINGS.put("%2e segment", p -> p.replaceFirst("^/webhooks/", "/webhooks/%2e/"));
    }

    static Stream<Arguments> twilioAttacks() {
        return TWILIO_PATHS.stream().flatMap(path -> SPELLINGS.entrySet().stream()
                .map(s -> Arguments.of(s.getKey(), s.getValue().apply(path))));
    }

    static Stream<Arguments> viberAttacks() {
        return SPELLINGS.entrySet().stream().map(s -> Arguments.of(s.getKey(), s.getValue().apply("/webhooks/viber")));
    }

    static Map<String, String> callForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT);
        form.put("CallSid", CALL);
        form.put("From", "+359888000777");
        form.put("To", "+35929394777");
        form.put("CallStatus", "in-progress");
        form.put("Digits", "1");
        form.put("MessageSid", "SM00000000000000000000000000000077");
        form.put("Body", "help");
        return form;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("twilioAttacks")
    void shouldRefuseAnUnsignedTwilioWebhookHoweverItsPathIsSpelled(String spelling, String path) {
        var response = RawRequest.post(port, path, "application/x-www-form-urlencoded", TwilioSigner.form(callForm()));

        assertThat(response.status()).as("%s %s: %s", spelling, path, response.body()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("<Dial", "<Response");
        assertNothingHappened();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("twilioAttacks")
    void shouldRefuseATwilioWebhookSignedForAnotherUrl(String spelling, String path) {
        // a valid signature, but for the plain path: it does not cover the path as written
        String signature = TwilioSigner.sign(TOKEN, PUBLIC + "/webhooks/twilio/voice", callForm());
        var response = RawRequest.post(port, path, "application/x-www-form-urlencoded", TwilioSigner.form(callForm()),
                "X-Twilio-Signature: " + signature);

        if (!path.equals("/webhooks/twilio/voice")) {
            assertThat(response.status()).as("%s %s: %s", spelling, path, response.body()).isBetween(400, 499);
            assertNothingHappened();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("viberAttacks")
    void shouldRefuseAnUnsignedViberCallbackHoweverItsPathIsSpelled(String spelling, String path) {
        String body = """
                {"event":"message","timestamp":1764576000000,"message_token":5491123456789,
                 "sender":{"id":"01234567890A=","name":"Anna"},"message":{"type":"text","text":"help"}}""";
        var response = RawRequest.post(port, path, "application/json", body);

        assertThat(response.status()).as("%s %s: %s", spelling, path, response.body()).isGreaterThanOrEqualTo(300).isNotIn(200, 204);
        assertNothingHappened();
    }

    @Test
    void shouldNotPutThroughToTheOverflowMobileWhenTheOfficerAcceptIsUnsigned() {
        // the review's exact request: it used to reach the controller and answer TwiML dialling the overflow number
        var response = RawRequest.post(port, "/webhooks/%74wilio/voice/officer-accept?call=" + CALL + "&officer=elena",
                "application/x-www-form-urlencoded", "CallSid=CA00000000000000000000000000000001&Digits=1");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Dial", "+359");
    }

    @Test
    void shouldRefuseADeclaredHugeBodyBeforeReadingIt() {
        byte[] start = "CallSid=CA1&From=%2B359".getBytes(StandardCharsets.US_ASCII);
        for (String path : List.of("/webhooks/twilio/voice", "/webhooks/viber", "/webhooks/telegram", "/api/v1/referrals", "/login")) {
            var response = RawRequest.send(port, "POST " + path + " HTTP/1.1\nHost: localhost\nConnection: close\n"
                    + "Content-Type: application/x-www-form-urlencoded\nContent-Length: 104857600\n", start);
            assertThat(response.status()).as(path).isEqualTo(413);
        }
    }

    @Test
    void shouldRefuseAChunkedBodyAsSoonAsItPassesTheCap() {
        // 1 MiB and a little more, in 64 KiB chunks, and no end: the gateway answers without the rest
        StringBuilder chunks = new StringBuilder();
        String piece = "a".repeat(64 * 1024);
        for (int i = 0; i < 17; i++) {
            chunks.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        var response = RawRequest.send(port, "POST /webhooks/twilio/voice HTTP/1.1\nHost: localhost\nConnection: close\n"
                + "Content-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked\nX-Twilio-Signature: x\n",
                chunks.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(response.status()).isEqualTo(413);
        assertNothingHappened();
    }

    @Test
    void shouldAnswerAMalformedFormWithOneLineAndNoStackTrace(CapturedOutput output) {
        var unsigned = RawRequest.post(port, "/webhooks/twilio/voice", "application/x-www-form-urlencoded", "a=%zz&From=%2B359888000777");
        assertThat(unsigned.status()).isEqualTo(403);

        var signed = RawRequest.post(port, "/webhooks/twilio/voice", "application/x-www-form-urlencoded", "a=%zz&From=%2B359888000777",
                "X-Twilio-Signature: c29tZXRoaW5n");
        assertThat(signed.status()).isEqualTo(400);
        assertThat(signed.body()).isEqualTo("the body is not a form Twilio would send\n");
        assertThat(output.getAll()).doesNotContain("URLDecoder", "\tat ", "888000777");
    }

    @Test
    void shouldStillAnswerACallSignedAsTwilioSignsIt() {
        // the attacks above left no session behind: the real first webhook of the call starts afresh
        String path = "/webhooks/twilio/voice";
        Map<String, String> form = callForm();
        form.put("CallSid", "CA0000000000000000000000000000B88B");
        var response = RawRequest.post(port, path, "application/x-www-form-urlencoded", TwilioSigner.form(form),
                "X-Twilio-Signature: " + TwilioSigner.sign(TOKEN, PUBLIC + path, form));
        assertThat(response.status()).isEqualTo(200);
        assertThat(Twiml.parse(response.body()).value("/Response/Gather/@action")).endsWith("n=1");
    }

    private void assertNothingHappened() {
        assertThat(twilioApi.getAllServeEvents()).as("calls to Twilio's API").isEmpty();
        assertThat(callLog.recent(r -> true, 10)).as("call log").isEmpty();
        assertThat(streams.recent("outbox", 10)).as("outbox").isEmpty();
    }
}
