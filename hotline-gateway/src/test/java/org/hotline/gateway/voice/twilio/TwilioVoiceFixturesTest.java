package org.hotline.gateway.voice.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.gateway.testing.TuesdayMorning;
import org.hotline.gateway.testing.TwilioSigner;
import org.hotline.gateway.testing.TwilioTestGateway;
import org.hotline.gateway.testing.Twiml;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio Voice as data, one file per scenario in {@code src/test/resources/voice/twilio/fixtures}:
 * each step is a webhook posted over real HTTP and signed as Twilio signs (the call's standard
 * parameters merged with the step's form; {@code "@gather"} follows the last answer's Gather action),
 * and the TwiML that comes back is checked: its verbs in order, and values by XPath. A step may
 * repeat the previous one ({@code "again": true}): Twilio's retry must get the same answer. After
 * the scenario, the logs hold neither the caller's number nor anything they said. Tuesday 1
 * December 2026, 10:00 in Sofia; nobody is on duty, so routes go on to the flow's fallback.
 */
@Import(TuesdayMorning.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class TwilioVoiceFixturesTest {

    static final String TOKEN = "fixture-auth-token";
    static final String ACCOUNT = "AC00000000000000000000000000000002";
    static final String PUBLIC = TwilioTestGateway.PUBLIC;
    static final Path FIXTURES = Path.of("src/test/resources/voice/twilio/fixtures");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // no officer is ever called here: Twilio's REST API is nowhere
        TwilioTestGateway.register(registry, dataDir, TOKEN, ACCOUNT, () -> "http://127.0.0.1:9");
    }

    @LocalServerPort int port;
    @Autowired JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Path> fixtures() throws Exception {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldAnswerEachWebhookAsTheFixtureSays(Path fixture, CapturedOutput output) throws Exception {
        JsonNode scenario = json.readTree(Files.readString(fixture));
        String callSid = scenario.path("call").asString();
        String from = scenario.path("from").asString();
        List<String> said = new ArrayList<>();
        String lastBody = null;
        String lastPath = null;
        Map<String, String> lastForm = null;
        int n = 0;
        for (JsonNode step : scenario.path("steps")) {
            n++;
            String path;
            Map<String, String> form;
            if (step.path("again").asBoolean(false)) {
                path = lastPath;
                form = lastForm;
            } else {
                path = step.path("post").asString();
                if (path.startsWith("@gather")) {
                    path = Twiml.parse(lastBody).value("/Response/Gather/@action");
                } else if (path.startsWith("@redirect")) {
                    path = Twiml.parse(lastBody).value("/Response/Redirect");
                }
                form = new LinkedHashMap<>(Map.of("AccountSid", ACCOUNT, "CallSid", callSid, "From", from, "To", "+35929394777",
                        "CallStatus", "in-progress", "Direction", "inbound", "ApiVersion", "2010-04-01"));
                step.path("form").properties().forEach(e -> form.put(e.getKey(), e.getValue().asString()));
                step.path("form").properties().stream().filter(e -> e.getKey().equals("SpeechResult"))
                        .forEach(e -> said.add(e.getValue().asString()));
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, PUBLIC + path, form))
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode expect = step.path("expect");
            String where = fixture.getFileName() + " step " + n + " (" + path + ")";
            assertThat(response.statusCode()).as(where + ": " + response.body()).isEqualTo(expect.path("status").asInt(200));
            if (step.path("again").asBoolean(false)) {
                assertThat(response.body()).as(where + ": a retried webhook gets the same answer").isEqualTo(lastBody);
            }
            if (expect.has("verbs")) {
                List<String> verbs = new ArrayList<>();
                expect.path("verbs").forEach(v -> verbs.add(v.asString()));
                assertThat(Twiml.parse(response.body()).verbs()).as(where).containsExactlyElementsOf(verbs);
            }
            Twiml twiml = response.body().isEmpty() ? null : Twiml.parse(response.body());
            expect.path("values").properties().forEach(e -> assertThat(twiml.value(e.getKey())).as(where + " " + e.getKey())
                    .isEqualTo(e.getValue().asString()));
            expect.path("contains").properties().forEach(e -> assertThat(twiml.value(e.getKey())).as(where + " " + e.getKey())
                    .contains(e.getValue().asString()));
            lastBody = response.body();
            lastPath = path;
            lastForm = form;
        }
        String digits = from.replaceAll("\\D", "");
        assertThat(output.getAll()).as("the caller's number in the logs").doesNotContain(digits, digits.substring(3));
        said.forEach(words -> assertThat(output.getAll()).as("what the caller said, in the logs").doesNotContain(words));
    }
}
