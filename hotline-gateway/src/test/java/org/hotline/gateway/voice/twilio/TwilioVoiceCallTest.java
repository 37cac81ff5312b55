package org.hotline.gateway.voice.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.QueuedContact;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.routing.TeamOverride;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.state.StreamStore;
import org.hotline.gateway.testing.BreakableSessionStore;
import org.hotline.gateway.testing.TwilioSigner;
import org.hotline.gateway.testing.TwilioTestGateway;
import org.hotline.gateway.testing.Twiml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole calls over real HTTP: webhooks signed exactly as Twilio signs them, for the public URL of a
 * gateway behind a proxy; WireMock stands in for Twilio's REST API (officer calls). The clock is
 * fixed on Tuesday 1 December 2026, 10:00 in Sofia.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwilioVoiceCallTest {

    static final String TOKEN = "test-auth-token";
    static final String ACCOUNT = "AC00000000000000000000000000000001";
    static final String PUBLIC = TwilioTestGateway.PUBLIC;
    static final Instant TUESDAY_10_SOFIA = Instant.parse("2026-12-01T08:00:00Z");

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
        org.hotline.gateway.testing.TestUsers.register(registry);
    }

    /** A fixed clock, and a state store that a test can break in the middle of a call. */
    @TestConfiguration
    static class Fixtures {
        static final AtomicBoolean storeBroken = new AtomicBoolean();

        static final org.hotline.gateway.testing.MovableClock clock = new org.hotline.gateway.testing.MovableClock(TUESDAY_10_SOFIA);

        /** Tuesday 10:00 in Sofia at the start of every test; a test may move it on. */
        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }

        @Bean
        @Primary
        SessionStore breakableSessionStore(List<SessionStore> stores) {
            return BreakableSessionStore.around(stores, storeBroken);
        }
    }

    @LocalServerPort int port;
    @Autowired RoutingService routing;
    @Autowired SessionStore store;
    @Autowired StreamStore streams;
    @Autowired CallLog callLog;
    @Autowired JsonMapper json;
    @Autowired CallScreens screens;
    @Autowired io.micrometer.core.instrument.MeterRegistry metrics;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void reset() {
        Fixtures.clock.set(TUESDAY_10_SOFIA);
        Fixtures.storeBroken.set(false);
        store.remove("routing:state");
        twilioApi.resetAll();
        twilioApi.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CAofficer000000000000000000000001\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"queued\"}")));
        // a call redirected to new TwiML (Update a Call)
        twilioApi.stubFor(post(urlPathMatching("/2010-04-01/Accounts/" + ACCOUNT + "/Calls/CA[0-9A-Za-z]+\\.json")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CA00000000000000000000000000000000\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"in-progress\"}")));
    }

    // --- helpers: Twilio's side of the webhooks ---

    record Reply(int status, String body) {
        Twiml twiml() {
            return Twiml.parse(body);
        }
    }

    Reply webhook(String pathAndQuery, Map<String, String> params) {
        return webhook(pathAndQuery, params, TwilioSigner.sign(TOKEN, PUBLIC + pathAndQuery, params));
    }

    Reply webhook(String pathAndQuery, Map<String, String> params, String signature) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> call(String callSid, String... more) {
        return TwilioTestGateway.callParams(ACCOUNT, callSid, more);
    }

    static String caller(String callSid) {
        return TwilioTestGateway.caller(callSid);
    }

    /** The caller's side: the incoming call, then the keys pressed at each Gather, following its action URL. */
    Reply dial(String callSid, String... keys) {
        Reply reply = webhook("/webhooks/twilio/voice", call(callSid));
        for (String key : keys) {
            String action = reply.twiml().value("/Response/Gather/@action");
            assertThat(action).as("a question to answer with %s in %s", key, reply.body()).isNotEmpty();
            reply = webhook(action, call(callSid, "Digits", key));
        }
        return reply;
    }

    List<Map<String, Object>> outbox(String type) {
        return streams.recent("outbox", 1000).stream().filter(e -> e.type().equals(type))
                .map(e -> json.readValue(e.payload(), Map.class)).map(m -> (Map<String, Object>) m).toList();
    }

    Optional<CallRecord> record(String callSid) {
        return callLog.recent(r -> r.id().equals(callSid), 1).stream().findFirst();
    }

    // --- the calls ---

    @Test
    void shouldAnswerWithTheLanguageMenuInEveryLanguage() {
        Twiml twiml = webhook("/webhooks/twilio/voice", call("CA0000000000000000000000000000000A")).twiml();

        assertThat(twiml.verbs()).containsExactly("Gather", "Redirect");
        assertThat(twiml.value("/Response/Gather/@action")).isEqualTo("/webhooks/twilio/voice/gather?lang=bg&n=1");
        assertThat(twiml.value("/Response/Gather/@numDigits")).isEqualTo("1");
        assertThat(twiml.values("/Response/Gather/Say")).contains("За български натиснете 1.", "For English, press 2.",
                "للعربية، اضغط 3.", "Для української мови натисніть 4.");
        assertThat(twiml.value("/Response/Gather/Say[2]/@language")).isEqualTo("bg-BG");
        // Farsi, Dari and Pashto have no Twilio voice: their lines are played from audio
        assertThat(twiml.values("/Response/Gather/Play")).hasSize(3)
                .allSatisfy(url -> assertThat(url).startsWith(PUBLIC + "/audio/").endsWith(".wav"));
        assertThat(twiml.value("/Response/Redirect")).isEqualTo("/webhooks/twilio/voice/gather?silence=true&lang=bg&n=1");
    }

    @Test
    void shouldConnectTheCallerToAnOfficerWhoAcceptsAndLogTheCall() {
        routing.setPresence("elena", Presence.AVAILABLE, "test");
        String callSid = "CA0000000000000000000000000000000B";

        Twiml queued = dial(callSid, "2", "1").twiml();

        assertThat(queued.verbs()).containsExactly("Say", "Enqueue");
        assertThat(queued.value("/Response/Say")).startsWith("If you are in immediate danger, call the emergency number 112");
        assertThat(queued.value("/Response/Enqueue")).isEqualTo("hotline-" + callSid);
        assertThat(queued.value("/Response/Enqueue/@waitUrl")).isEqualTo("/webhooks/twilio/voice/wait?lang=en");

        // routing offered the caller to Elena: the gateway calls her Twilio Client through the REST API
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> twilioApi.verify(1,
                postRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json"))
                        .withRequestBody(containing("To=client%3Aofficer-elena"))
                        .withRequestBody(containing("From=%2B35929394777"))
                        .withRequestBody(containing("Timeout=20"))));
        String officerUrl = twilioApi.getAllServeEvents().getFirst().getRequest().formParameter("Url").getValues().getFirst();
        assertThat(officerUrl).startsWith(PUBLIC + "/webhooks/twilio/voice/officer?call=" + callSid + "&officer=elena");
        // her screen shows the call at once: what the caller chose, and the way through the menu
        CallScreens.View offered = screens.of("elena").orElseThrow();
        assertThat(offered.screen().stage()).isEqualTo(CallScreens.Stage.OFFERED);
        assertThat(offered.screen().callId()).isEqualTo(callSid);
        assertThat(offered.context()).hasValueSatisfying(c -> {
            assertThat(c.language()).isEqualTo("en");
            assertThat(c.topic()).isEqualTo("trafficking");
            assertThat(c.urgent()).isTrue();
            assertThat(c.team()).isEqualTo("counter-trafficking");
            assertThat(c.path()).startsWith("language", "topic");
            assertThat(c.earlierContacts()).isZero();
        });

        // Elena picks up: she hears who is waiting, and presses 1
        String officerPath = officerUrl.substring(PUBLIC.length());
        Map<String, String> officerLeg = call("CA000000000000000000000000000000E1", "From", "client:anonymous", "To", "client:officer-elena");
        Twiml whisper = webhook(officerPath, officerLeg).twiml();
        assertThat(whisper.value("/Response/Gather/Say")).isEqualTo("Спешно: обаждане на English относно Трафик на хора, принудителен труд или експлоатация. Натиснете 1, за да приемете.");
        Twiml bridge = webhook(whisper.value("/Response/Gather/@action"), new LinkedHashMap<>(Map.of("CallSid", "CA000000000000000000000000000000E1",
                "AccountSid", ACCOUNT, "Digits", "1"))).twiml();
        assertThat(bridge.value("/Response/Dial/Queue")).isEqualTo("hotline-" + callSid);
        assertThat(screens.of("elena").orElseThrow().screen().stage()).isEqualTo(CallScreens.Stage.ON_CALL);
        // her desk client reads the same screen and writes the notes through the API; nobody else can
        var api = new org.hotline.gateway.testing.ApiClient(port);
        assertThat(api.get("/api/v1/call-screen", "olga:pw").body()).contains("\"stage\":\"ON_CALL\"", callSid).doesNotContain(caller(callSid));
        assertThat(api.put("/api/v1/call-screen/" + callSid + "/notes", "{\"notes\":\"works on a farm near Plovdiv\"}", "olga:pw")
                .statusCode()).isEqualTo(200);
        assertThat(api.put("/api/v1/call-screen/" + callSid + "/notes", "{\"notes\":\"not her call\"}", "nina:pw").statusCode()).isEqualTo(404);
        assertThat(api.put("/api/v1/call-screen/" + callSid + "/notes", "{\"notes\":\"x\"}", "sue:pw").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/call-screen", "nina:pw").statusCode()).as("nothing on Nadia's screen").isEqualTo(204);

        // the caller leaves the queue bridged; after the conversation the call ends
        Twiml after = webhook("/webhooks/twilio/voice/queue-result?lang=en", call(callSid, "QueueResult", "bridged", "QueueTime", "12")).twiml();
        assertThat(after.verbs()).containsExactly("Hangup");
        assertThat(webhook("/webhooks/twilio/voice/status", call(callSid, "CallStatus", "completed", "CallDuration", "240")).status()).isEqualTo(204);
        assertThat(webhook("/webhooks/twilio/voice/officer-status?call=" + callSid + "&officer=elena",
                call("CA000000000000000000000000000000E1", "CallStatus", "completed", "CallDuration", "200")).status()).isEqualTo(204);

        CallRecord logged = record(callSid).orElseThrow();
        // the call is over: her screen counts down the wrap-up, and her notes are in the record
        CallScreens.View wrapUp = screens.of("elena").orElseThrow();
        assertThat(wrapUp.screen().stage()).isEqualTo(CallScreens.Stage.WRAP_UP);
        assertThat(wrapUp.screen().wrapUpUntil()).isAfter(logged.endedAt());
        assertThat(logged.notes()).isEqualTo("works on a farm near Plovdiv");
        // notes written in the wrap-up replace them in the call log; the case store had the record once
        assertThat(screens.saveNotes("elena", callSid, "works on a farm near Plovdiv; passport kept by the employer")).isTrue();
        assertThat(record(callSid).orElseThrow().notes()).endsWith("passport kept by the employer");
        assertThat(outbox("call-record").stream().filter(r -> callSid.equals(r.get("id")))).hasSize(1);
        assertThat(logged.outcome().wireName()).isEqualTo("answered");
        assertThat(logged.officerId()).isEqualTo("elena");
        assertThat(logged.language()).isEqualTo("en");
        assertThat(logged.topic()).isEqualTo("trafficking");
        assertThat(logged.path()).startsWith("language", "topic", "trafficking", "trafficking_open", "trafficking_route");
        assertThat(routing.router().statusOf(routing.snapshot(), "elena").calls()).isZero();
    }

    @Test
    void shouldTryTheNextOfficerWhenTheFirstDoesNotAnswer() {
        routing.setPresence("elena", Presence.AVAILABLE, "test");
        routing.setPresence("nadia", Presence.AVAILABLE, "test");
        String callSid = "CA0000000000000000000000000000000C";
        dial(callSid, "2", "1");
        await().atMost(Duration.ofSeconds(5)).until(() -> twilioApi.getAllServeEvents().size() == 1);
        String first = twilioApi.getAllServeEvents().getFirst().getRequest().formParameter("To").getValues().getFirst();

        String firstOfficer = first.endsWith("elena") ? "elena" : "nadia";
        webhook("/webhooks/twilio/voice/officer-status?call=" + callSid + "&officer=" + firstOfficer,
                call("CA000000000000000000000000000000E2", "CallStatus", "no-answer"));

        await().atMost(Duration.ofSeconds(5)).until(() -> twilioApi.getAllServeEvents().size() == 2);
        String second = twilioApi.getAllServeEvents().stream().map(e -> e.getRequest().formParameter("To").getValues().getFirst())
                .filter(to -> !to.equals(first)).findFirst().orElseThrow();
        assertThat(second).isEqualTo(first.endsWith("elena") ? "client:officer-nadia" : "client:officer-elena");
        // the call left the screen of the officer who did not answer and rings on the other's
        assertThat(screens.of(firstOfficer)).isEmpty();
        assertThat(screens.of(firstOfficer.equals("elena") ? "nadia" : "elena")).hasValueSatisfying(v ->
                assertThat(v.screen().stage()).isEqualTo(CallScreens.Stage.OFFERED));
    }

    @Test
    void shouldTakeAVoicemailAndACallbackRequestWhenNobodyIsThere() {
        String callSid = "CA0000000000000000000000000000000D";
        Twiml voicemail = dial(callSid, "2", "2").twiml();
        assertThat(voicemail.verbs()).containsExactly("Say", "Say", "Record");
        assertThat(voicemail.value("/Response/Say[1]")).isEqualTo("All our colleagues are busy right now.");
        assertThat(voicemail.value("/Response/Record/@maxLength")).isEqualTo("120");
        assertThat(voicemail.value("/Response/Record/@transcribe")).isEmpty();

        Map<String, String> recording = call(callSid, "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT
                + "/Recordings/RE00000000000000000000000000000001", "RecordingSid", "RE00000000000000000000000000000001",
                "RecordingDuration", "14", "Digits", "hangup");
        Twiml offer = webhook(voicemail.value("/Response/Record/@action"), recording).twiml();
        assertThat(offer.value("/Response/Say")).isEqualTo("Thank you. Your message has been passed to the team.");
        assertThat(offer.value("/Response/Gather/Say[1]")).isEqualTo("Would you like us to call you back?");

        Twiml safe = webhook(offer.value("/Response/Gather/@action"), call(callSid, "Digits", "1")).twiml();
        Twiml done = webhook(safe.value("/Response/Gather/@action"), call(callSid, "Digits", "1")).twiml();
        assertThat(done.verbs()).containsExactly("Say", "Say", "Hangup");

        List<Map<String, Object>> referrals = outbox("referral").stream()
                .filter(r -> String.valueOf(r.get("id")).startsWith(callSid)).toList();
        assertThat(referrals).hasSize(2);
        Map<String, Object> callback = referrals.stream().filter(r -> "CALLBACK".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat(callback.get("callbackNumber")).isEqualTo(caller(callSid));
        assertThat(callback.get("contact")).isEqualTo(caller(callSid));
        assertThat(((Map<?, ?>) callback.get("consent")).get("safeToCallBack")).isEqualTo("YES");
        Map<String, Object> message = referrals.stream().filter(r -> "VOICEMAIL".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat(message.get("recordingUrl")).asString().endsWith("/Recordings/RE00000000000000000000000000000001");
        assertThat(message.get("recordingRef")).isEqualTo("RE00000000000000000000000000000001");
        assertThat(message.get("team")).isEqualTo("avrr");
        assertThat(message.get("channel")).isEqualTo("twilio-voice");
    }

    @Test
    void shouldSayTheHoursAndTakeAVoicemailWhenTheTeamIsClosed() {
        routing.override("avrr", new TeamOverride(false, null, "staff meeting", "sue"));
        Twiml closed = dial("CA0000000000000000000000000000000E", "1", "2").twiml();
        assertThat(closed.verbs()).containsExactly("Say", "Say", "Record");
        assertThat(closed.value("/Response/Say[1]")).isEqualTo(
                "В момента не работим. Екип за подпомогнато доброволно завръщане и реинтеграция: понеделник–петък 09:00–18:00, без официалните празници.");
    }

    @Test
    void shouldLogAHangupInTheMenusAndInTheQueue() {
        String inMenu = "CA0000000000000000000000000000000F";
        dial(inMenu, "2");
        webhook("/webhooks/twilio/voice/status", call(inMenu, "CallStatus", "completed", "CallDuration", "9"));
        assertThat(record(inMenu).orElseThrow().outcome().wireName()).isEqualTo("abandoned_in_ivr");

        // Georgi is present but busy with another caller: the next caller waits in the queue
        routing.setPresence("georgi", Presence.AVAILABLE, "test");
        routing.enqueue(QueuedContact.waiting("CA-other", Channel.VOICE, "avrr", "ru", Priority.NORMAL, "return", TUESDAY_10_SOFIA));
        routing.answered("CA-other", "georgi");
        String inQueue = "CA0000000000000000000000000000001A";
        Twiml queued = dial(inQueue, "5", "2").twiml();
        assertThat(queued.verbs()).containsExactly("Enqueue");
        Twiml waiting = webhook("/webhooks/twilio/voice/wait?lang=ru", call(inQueue, "QueuePosition", "1", "QueueTime", "0")).twiml();
        assertThat(waiting.values("/Response/Say")).contains("Вы номер 1 в очереди.");

        webhook("/webhooks/twilio/voice/status", call(inQueue, "CallStatus", "completed"));

        assertThat(record(inQueue).orElseThrow().outcome().wireName()).isEqualTo("abandoned_in_queue");
        assertThat(routing.snapshot().queue("avrr")).isEmpty();
    }

    @Test
    void shouldRefuseForgedAndUnsignedWebhooksAndChangeNothing() {
        Map<String, String> params = call("CA0000000000000000000000000000001B");
        String forged = TwilioSigner.sign("not-the-token", PUBLIC + "/webhooks/twilio/voice", params);
        assertThat(webhook("/webhooks/twilio/voice", params, forged).status()).isEqualTo(403);
        assertThat(webhook("/webhooks/twilio/voice", params, null).status()).isEqualTo(403);
        // signed for another URL (the internal one): refused too
        assertThat(webhook("/webhooks/twilio/voice", params, TwilioSigner.sign(TOKEN, "http://localhost:" + port + "/webhooks/twilio/voice", params))
                .status()).isEqualTo(403);
        assertThat(store.get("voice:CA0000000000000000000000000000001B")).isEmpty();
    }

    @Test
    void shouldTimeWebhooksByProviderAndStatusOutsideTheServletObservation() throws Exception {
        var timer = metrics.find("hotline.webhooks.duration").tags("provider", "twilio", "status", "2xx");
        long before = timer.timer() == null ? 0 : timer.timer().count();
        webhook("/webhooks/twilio/voice", call("CA0000000000000000000000000000001F"));
        webhook("/webhooks/twilio/voice", call("CA0000000000000000000000000000002F"), "forged");

        assertThat(timer.timer().count()).isEqualTo(before + 1);
        assertThat(metrics.find("hotline.webhooks.duration").tags("provider", "twilio", "status", "4xx").timer()).isNotNull();
        assertThat(metrics.find("http.server.requests").timers()).as("webhooks are not in the servlet observation")
                .noneMatch(t -> String.valueOf(t.getId().getTag("uri")).startsWith("/webhooks"));
        // everything else still is
        var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(metrics.find("http.server.requests").timers()).as("the rest is in the servlet observation")
                .anyMatch(t -> "/actuator/health".equals(t.getId().getTag("uri")));
    }

    @Test
    void shouldAnswerARetriedOrDuplicatedFirstWebhookWithTheSameMenuAndKeepOneSession() throws Exception {
        String callSid = "CA0000000000000000000000000000001E";
        // four copies at once (a retry racing the original): the first session made is everyone's answer
        var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Reply>> copies = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            copies.add(pool.submit(() -> {
                start.await();
                return webhook("/webhooks/twilio/voice", call(callSid));
            }));
        }
        start.countDown();
        List<String> bodies = new java.util.ArrayList<>();
        for (var copy : copies) {
            Reply reply = copy.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            bodies.add(reply.body());
        }
        pool.shutdown();
        assertThat(bodies).as("one answer for every copy").containsOnly(bodies.getFirst());
        Reply retry = webhook("/webhooks/twilio/voice", call(callSid));
        assertThat(retry.body()).isEqualTo(bodies.getFirst());
        // the session is the one call's: its menu answers the caller's key
        Twiml menu = Twiml.parse(retry.body());
        Reply chosen = webhook(menu.value("/Response/Gather/@action"), call(callSid, "Digits", "2"));
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.body()).contains("<Gather");
    }

    @Test
    void shouldAnswerARetriedWebhookTheSameWayAndReferOnce() {
        String callSid = "CA0000000000000000000000000000001C";
        Twiml voicemail = dial(callSid, "2", "2").twiml();
        Map<String, String> recording = call(callSid, "RecordingUrl", "https://api.twilio.com/x/RE00000000000000000000000000000002",
                "RecordingSid", "RE00000000000000000000000000000002", "RecordingDuration", "8");
        Reply first = webhook(voicemail.value("/Response/Record/@action"), recording);
        Reply retry = webhook(voicemail.value("/Response/Record/@action"), recording);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(outbox("referral")).filteredOn(r -> String.valueOf(r.get("id")).startsWith(callSid)).hasSize(1);
        Reply again = webhook("/webhooks/twilio/voice", call(callSid));
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void shouldApologiseInTheCallersLanguageAndTransferWhenTheStoreFails() {
        String callSid = "CA0000000000000000000000000000001D";
        Twiml topic = dial(callSid, "3").twiml();
        Fixtures.storeBroken.set(true);

        Reply broken = webhook(topic.value("/Response/Gather/@action"), call(callSid, "Digits", "1"));

        assertThat(broken.status()).isEqualTo(200);
        Twiml apology = broken.twiml();
        assertThat(apology.verbs()).containsExactly("Say", "Dial");
        assertThat(apology.value("/Response/Say")).isEqualTo("نعتذر، لدينا مشكلة تقنية. سنحوّلك الآن إلى أحد الزملاء.");
        assertThat(apology.value("/Response/Dial/Number")).isEqualTo("+359884602185");
    }

    @Test
    void shouldRefuseASignedWebhookWithoutACallSid() {
        Map<String, String> params = new LinkedHashMap<>(Map.of("AccountSid", ACCOUNT, "From", "+359880000999"));
        assertThat(webhook("/webhooks/twilio/voice", params).status()).isEqualTo(400);
    }

    // --- interpreters ---

    /** The Calls API requests Twilio got so far: each one's path and form. */
    List<Map<String, String>> twilioRequests() {
        // WireMock lists the newest first
        return twilioApi.getAllServeEvents().reversed().stream()
                .map(e -> {
                    Map<String, String> form = new LinkedHashMap<>(TwilioSigner.parse(e.getRequest().getBodyAsString()));
                    form.put("path", e.getRequest().getUrl());
                    return form;
                }).toList();
    }

    /** A Pashto caller about trafficking, taken by the interpreter desk (nobody on duty speaks Pashto). */
    String pashtoCallerWithTheInterpreterDesk(String callSid, String officerLeg) {
        routing.setPresence("interpreter-desk", Presence.AVAILABLE, "test");
        dial(callSid, "8", "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> twilioRequests().size() == 1);
        Map<String, String> officerCall = twilioRequests().getFirst();
        assertThat(officerCall.get("To")).isEqualTo("client:officer-interpreter-desk");
        Twiml whisper = webhook(officerCall.get("Url").substring(PUBLIC.length()), call(officerLeg)).twiml();
        Twiml bridge = webhook(whisper.value("/Response/Gather/@action"), call(officerLeg, "Digits", "1")).twiml();
        assertThat(bridge.value("/Response/Dial/Queue")).isEqualTo("hotline-" + callSid);
        return callSid;
    }

    @Test
    void shouldAddAPashtoInterpreterToTheCallWhenTheOfficerAsksAndCallTheNextWhenOneDeclines() {
        String callSid = pashtoCallerWithTheInterpreterDesk("CA00000000000000000000000000000P01", "CA00000000000000000000000000000D01");
        var api = new org.hotline.gateway.testing.ApiClient(port);
        assertThat(api.post("/api/v1/calls/" + callSid + "/interpreter", "{}", "olga:pw").statusCode())
                .as("not Elena's call").isEqualTo(404);

        var asked = api.post("/api/v1/calls/" + callSid + "/interpreter", "{}", org.hotline.gateway.testing.TestUsers.IDA);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("\"status\":\"calling\"", "Wahid", "\"language\":\"ps\"");
        // Wahid, the first Pashto interpreter on the roster, is called: exactly the Calls API's create
        Map<String, String> wahid = twilioRequests().get(1);
        assertThat(wahid.get("path")).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json");
        assertThat(wahid).containsEntry("To", "+359888100302").containsEntry("Timeout", "25")
                .containsEntry("Url", PUBLIC + "/webhooks/twilio/voice/interpreter?call=" + callSid + "&interpreter=interpreter-wahid&language=ps")
                .containsEntry("StatusCallback", PUBLIC + "/webhooks/twilio/voice/interpreter-status?call=" + callSid + "&interpreter=interpreter-wahid")
                .containsEntry("StatusCallbackEvent", "completed");
        assertThat(api.post("/api/v1/calls/" + callSid + "/interpreter", "{}", org.hotline.gateway.testing.TestUsers.IDA).body())
                .as("asking again while one rings changes nothing").contains("\"status\":\"calling\"");
        assertThat(twilioRequests()).hasSize(2);

        // Wahid hears the hotline and the language, and declines: Zarmina is called next
        Twiml greeting = webhook(wahid.get("Url").substring(PUBLIC.length()), call("CA00000000000000000000000000000W01")).twiml();
        assertThat(greeting.value("/Response/Gather/Say"))
                .isEqualTo("Тук е горещата линия на Екип за борба с трафика на хора. Обаждащ се има нужда от преводач за Pashto. "
                        + "Натиснете 1, за да се включите в разговора.");
        assertThat(webhook(greeting.value("/Response/Gather/@action"), call("CA00000000000000000000000000000W01", "Digits", "2"))
                .twiml().verbs()).containsExactly("Hangup");
        webhook("/webhooks/twilio/voice/interpreter-status?call=" + callSid + "&interpreter=interpreter-wahid",
                call("CA00000000000000000000000000000W01", "CallStatus", "completed", "CallDuration", "6"));
        assertThat(twilioRequests()).hasSize(3);
        assertThat(twilioRequests().get(2)).containsEntry("To", "+359888100303");
        assertThat(twilioRequests()).as("caller and officer not moved for an interpreter who did not come")
                .noneMatch(r -> r.get("path").contains("/Calls/CA"));

        // Zarmina presses 1: she dials into the call's conference, and the caller's and the officer's calls are redirected there
        Fixtures.clock.advance(Duration.ofSeconds(20));
        Twiml joining = webhook("/webhooks/twilio/voice/interpreter-accept?call=" + callSid + "&interpreter=interpreter-zarmina",
                call("CA00000000000000000000000000000Z01", "Digits", "1")).twiml();
        assertThat(joining.value("/Response/Dial/Conference")).isEqualTo("hotline-" + callSid);
        assertThat(joining.value("/Response/Dial/Conference/@endConferenceOnExit")).isEqualTo("false");
        assertThat(twilioRequests().subList(3, 5)).satisfiesExactly(
                caller -> assertThat(caller).containsEntry("path", "/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + callSid + ".json")
                        .containsEntry("Url", PUBLIC + "/webhooks/twilio/voice/conference?call=" + callSid + "&role=caller")
                        .containsEntry("Method", "POST"),
                officer -> assertThat(officer).containsEntry("path", "/2010-04-01/Accounts/" + ACCOUNT + "/Calls/CA00000000000000000000000000000D01.json")
                        .containsEntry("Url", PUBLIC + "/webhooks/twilio/voice/conference?call=" + callSid + "&role=officer"));
        // the caller's hanging up leaves the others; the officer's ends it for all: caller and interpreter never alone together
        Twiml callerSide = webhook("/webhooks/twilio/voice/conference?call=" + callSid + "&role=caller", call(callSid)).twiml();
        assertThat(callerSide.value("/Response/Dial/Conference/@endConferenceOnExit")).isEqualTo("false");
        assertThat(callerSide.value("/Response/Dial/@action")).isEqualTo("/webhooks/twilio/voice/conference-result?call=" + callSid);
        Twiml officerSide = webhook("/webhooks/twilio/voice/conference?call=" + callSid + "&role=officer",
                call("CA00000000000000000000000000000D01")).twiml();
        assertThat(officerSide.value("/Response/Dial/Conference/@endConferenceOnExit")).isEqualTo("true");
        // had Twilio asked the queue's action after the redirect, the caller would stay in the conference
        assertThat(webhook("/webhooks/twilio/voice/queue-result?lang=ps", call(callSid, "QueueResult", "redirected-from-bridged"))
                .twiml().value("/Response/Dial/Conference")).isEqualTo("hotline-" + callSid);
        assertThat(api.get("/api/v1/calls/" + callSid + "/interpreter", org.hotline.gateway.testing.TestUsers.IDA).body())
                .contains("\"stage\":\"JOINED\"", "interpreter-zarmina");

        // Zarmina leaves after 7 minutes; the call goes on; then the officer hangs up, which ends the conference
        Fixtures.clock.advance(Duration.ofMinutes(7));
        webhook("/webhooks/twilio/voice/interpreter-status?call=" + callSid + "&interpreter=interpreter-zarmina",
                call("CA00000000000000000000000000000Z01", "CallStatus", "completed", "CallDuration", "420"));
        assertThat(twilioRequests()).as("nobody else called: she was on the call").hasSize(5);
        Fixtures.clock.advance(Duration.ofMinutes(2));
        assertThat(webhook("/webhooks/twilio/voice/conference-result?call=" + callSid,
                call(callSid, "DialCallStatus", "completed")).twiml().verbs()).containsExactly("Hangup");
        webhook("/webhooks/twilio/voice/status", call(callSid, "CallStatus", "completed", "CallDuration", "600"));

        CallRecord logged = record(callSid).orElseThrow();
        assertThat(logged.officerId()).isEqualTo("interpreter-desk");
        assertThat(logged.language()).isEqualTo("ps");
        assertThat(logged.interpreters()).singleElement().satisfies(t -> {
            assertThat(t.interpreterId()).isEqualTo("interpreter-zarmina");
            assertThat(t.language()).isEqualTo("ps");
            assertThat(t.time()).isEqualTo(Duration.ofMinutes(7));
        });
        // the minutes per language and per interpreter, for paying and counting them: supervisors only
        String period = "/api/v1/calls/interpreters?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";
        assertThat(api.get(period, org.hotline.gateway.testing.TestUsers.SUE).body()).contains(
                "\"byLanguage\":{\"ps\":{\"calls\":1,\"seconds\":420,\"minutes\":7}}",
                "\"byInterpreter\":{\"interpreter-zarmina\":{\"calls\":1,\"seconds\":420,\"minutes\":7}}");
        assertThat(api.get(period, org.hotline.gateway.testing.TestUsers.IDA).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/calls?limit=5", org.hotline.gateway.testing.TestUsers.SUE).body())
                .contains("\"interpreters\":[{\"interpreter\":\"interpreter-zarmina\",\"language\":\"ps\"");
    }

    @Test
    void shouldTellTheOfficerAtOnceWhenNoInterpreterComesAndLeaveTheCallerWithThem() {
        String callSid = pashtoCallerWithTheInterpreterDesk("CA00000000000000000000000000000P02", "CA00000000000000000000000000000D02");
        var api = new org.hotline.gateway.testing.ApiClient(port);
        assertThat(api.post("/api/v1/calls/" + callSid + "/interpreter", "{\"language\":\"xx\"}", org.hotline.gateway.testing.TestUsers.IDA)
                .statusCode()).isEqualTo(400);
        assertThat(api.post("/api/v1/calls/" + callSid + "/interpreter", "{}", org.hotline.gateway.testing.TestUsers.IDA).body()).contains("calling");
        // Wahid's phone rings out, Zarmina's Twilio cannot even call (busy): nobody is left
        webhook("/webhooks/twilio/voice/interpreter-status?call=" + callSid + "&interpreter=interpreter-wahid",
                call("CA00000000000000000000000000000W02", "CallStatus", "no-answer"));
        webhook("/webhooks/twilio/voice/interpreter-status?call=" + callSid + "&interpreter=interpreter-zarmina",
                call("CA00000000000000000000000000000Z02", "CallStatus", "busy"));
        assertThat(api.get("/api/v1/calls/" + callSid + "/interpreter", org.hotline.gateway.testing.TestUsers.IDA).body())
                .contains("\"stage\":\"NONE_AVAILABLE\"", "interpreter-wahid", "interpreter-zarmina");
        assertThat(twilioRequests()).as("nobody redirected: caller and officer still talk").noneMatch(r -> r.get("path").contains("/Calls/CA"));
        // and no interpreter at all for Ukrainian: the answer says so at once
        var none = api.post("/api/v1/calls/" + callSid + "/interpreter", "{\"language\":\"uk\"}", org.hotline.gateway.testing.TestUsers.IDA);
        assertThat(none.body()).contains("\"status\":\"none-available\"", "the caller stays with you");
        assertThat(webhook("/webhooks/twilio/voice/status", call(callSid, "CallStatus", "completed", "CallDuration", "90")).status()).isEqualTo(204);
        assertThat(record(callSid).orElseThrow().interpreters()).isEmpty();
    }
}
