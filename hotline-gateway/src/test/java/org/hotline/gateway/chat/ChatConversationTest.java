package org.hotline.gateway.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestUsers;
import org.hotline.gateway.testing.BreakableSessionStore;
import org.hotline.gateway.testing.TwilioSigner;
import org.hotline.gateway.testing.TwilioTestGateway;
import org.hotline.gateway.testing.ViberSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole conversations over real HTTP: WhatsApp webhooks signed as Twilio signs them, Viber callbacks
 * signed as Viber does, WireMock standing in for Twilio's Messages API and Viber's send_message, and
 * officers using the inbox API. The clock starts on Tuesday 1 December 2026, 10:00 in Sofia, and
 * tests move it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ChatConversationTest {

    static final String TWILIO_TOKEN = "test-auth-token";
    static final String ACCOUNT = "AC00000000000000000000000000000001";
    static final String VIBER_TOKEN = "test-viber-token";
    static final String PUBLIC = TwilioTestGateway.PUBLIC;
    static final String HOTLINE_WHATSAPP = "whatsapp:+359884602185";
    static final String TEMPLATE = "HX0000000000000000000000000000beef";
    static final Instant TUESDAY_10_SOFIA = Instant.parse("2026-12-01T08:00:00Z");
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    static WireMockServer providers = new WireMockServer(options().dynamicPort().globalTemplating(true));

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startProviders() {
        providers.start();
    }

    @AfterAll
    static void stopProviders() {
        providers.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TwilioTestGateway.register(registry, dataDir, TWILIO_TOKEN, ACCOUNT, () -> "http://localhost:" + providers.port());
        registry.add("hotline.viber.auth-token", () -> VIBER_TOKEN);
        registry.add("hotline.viber.api-base-url", () -> "http://localhost:" + providers.port() + "/pa");
        registry.add("hotline.chat.whatsapp-reopen-template", () -> TEMPLATE);
        TestUsers.register(registry);
    }

    /** A clock the tests move, and a state store a test can break. */
    @TestConfiguration
    static class Fixtures {
        static final AtomicReference<Instant> now = new AtomicReference<>(TUESDAY_10_SOFIA);
        static final AtomicBoolean storeBroken = new AtomicBoolean();

        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                public Clock withZone(ZoneId zone) {
                    return this;
                }

                public Instant instant() {
                    return now.get();
                }
            };
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
    @Autowired CallLog callLog;
    @Autowired org.hotline.gateway.state.StreamStore streams;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger sids = new AtomicInteger();
    private ApiClient api;

    @BeforeEach
    void reset() {
        api = new ApiClient(port);
        Fixtures.now.set(TUESDAY_10_SOFIA);
        Fixtures.storeBroken.set(false);
        store.remove("routing:state");
        store.remove("chat:open");
        providers.resetAll();
        providers.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"account_sid\":\"" + ACCOUNT
                        + "\",\"status\":\"queued\"}")));
        providers.stubFor(post(urlPathEqualTo("/pa/send_message")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":0,\"status_message\":\"ok\",\"message_token\":{{randomInt lower=100000000 upper=999999999}}"
                        + ",\"chat_hostname\":\"SN-CHAT-05_\"}")));
    }

    // --- WhatsApp, from the first message to the closed conversation ---

    @Test
    void whatsappConversationReachesTheTeamAndTheOfficerAnswers(CapturedOutput output) throws Exception {
        String person = "whatsapp:+359880000201";
        routing.setPresence("elena", Presence.AVAILABLE, "test");
        LinkedBlockingQueue<String> inboxEvents = subscribe(TestUsers.OLGA);

        whatsapp(person, "Hello");
        Map<String, String> menu = awaitSent(person, 1).getFirst();
        assertThat(menu.get("From")).isEqualTo(HOTLINE_WHATSAPP);
        assertThat(menu.get("Body")).contains("1. Български", "2. English", "3. العربية");
        assertThat(menu.get("StatusCallback")).isEqualTo(PUBLIC + "/webhooks/twilio/messaging/status");

        whatsapp(person, "2");
        assertThat(awaitSent(person, 2).get(1).get("Body")).contains("What do you need help with?",
                "1. Trafficking, forced labour or exploitation", "4. Visas and permits", "0. Talk to a person",
                "Please reply with the number of your choice.");

        whatsapp(person, "1");
        assertThat(awaitSent(person, 3).get(2).get("Body")).contains("112", "Your message is with our team");

        String id = await().until(() -> conversationsOf(TestUsers.OLGA, "mine"), list -> list.size() == 1).getFirst().path("id").asString();
        JsonNode mine = json.readTree(api.get("/api/v1/conversations/" + id, TestUsers.OLGA).body());
        assertThat(mine.path("status").asString()).isEqualTo("assigned");
        assertThat(mine.path("team").asString()).isEqualTo("counter-trafficking");
        assertThat(mine.path("topic").asString()).isEqualTo("trafficking");
        assertThat(mine.path("language").asString()).isEqualTo("en");
        assertThat(mine.path("priority").asString()).isEqualTo("urgent");
        assertThat(mine.path("contact").asString()).doesNotContain("880000201").startsWith("whatsapp:+359");

        // an officer of another team sees nothing of it
        assertThat(conversationsOf(TestUsers.GOSHO, null)).noneMatch(c -> c.path("id").asString().equals(id));
        assertThat(api.get("/api/v1/conversations/" + id + "/messages", TestUsers.GOSHO).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/" + id + "/messages", "{\"text\":\"hi\"}", TestUsers.GOSHO).statusCode()).isEqualTo(404);

        var reply = api.post("/api/v1/conversations/" + id + "/messages", "{\"text\":\"Hello, I am Elena. Are you safe now?\"}", TestUsers.OLGA);
        assertThat(reply.statusCode()).isEqualTo(202);
        Map<String, String> sent = awaitSent(person, 4).get(3);
        assertThat(sent).containsEntry("To", person).containsEntry("From", HOTLINE_WHATSAPP)
                .containsEntry("Body", "Hello, I am Elena. Are you safe now?");
        assertThat(sentTo(person).stream().filter(m -> "Hello, I am Elena. Are you safe now?".equals(m.get("Body")))).hasSize(1);

        // Twilio's statuses come back, out of order: delivered, then a late "sent"
        String sid = sidOf("Hello, I am Elena. Are you safe now?");
        await().until(() -> deliveryOf(id, "Hello, I am Elena. Are you safe now?", TestUsers.OLGA), "sent"::equals);
        twilio("/webhooks/twilio/messaging/status", Map.of("MessageSid", sid, "MessageStatus", "delivered", "From", HOTLINE_WHATSAPP, "To", person));
        twilio("/webhooks/twilio/messaging/status", Map.of("MessageSid", sid, "MessageStatus", "sent", "From", HOTLINE_WHATSAPP, "To", person));
        assertThat(deliveryOf(id, "Hello, I am Elena. Are you safe now?", TestUsers.OLGA)).isEqualTo("delivered");

        // a picture, fetched for Elena through the gateway with the account's credentials
        String mediaPath = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/MM00000000000000000000000000000042/Media/ME00000000000000000000000000000042";
        providers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(mediaPath))
                .withBasicAuth(ACCOUNT, TWILIO_TOKEN)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2})));
        Map<String, String> picture = whatsappForm(person, "Yes, I am safe. They took my passport.");
        picture.put("NumMedia", "1");
        picture.put("MediaContentType0", "image/jpeg");
        picture.put("MediaUrl0", "https://api.twilio.com" + mediaPath);
        assertThat(twilio("/webhooks/twilio/messaging", picture).statusCode()).isEqualTo(200);
        JsonNode messages = json.readTree(api.get("/api/v1/conversations/" + id + "/messages", TestUsers.OLGA).body());
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.path("text").asString()).isEqualTo("Yes, I am safe. They took my passport.");
        assertThat(last.path("direction").asString()).isEqualTo("in");
        assertThat(last.path("media").get(0).path("contentType").asString()).isEqualTo("image/jpeg");
        String href = last.path("media").get(0).path("url").asString();
        assertThat(href).startsWith("/api/v1/conversations/" + id + "/messages/");
        var photo = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + href))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(TestUsers.OLGA.getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(photo.body()).containsExactly((byte) 0xFF, (byte) 0xD8, 1, 2);
        assertThat(api.get(href, TestUsers.GOSHO).statusCode()).isEqualTo(404);
        await().until(() -> inboxEvents.stream().filter(e -> e.contains(id)).count() >= 3);

        // one action to refer, with the transcript's reference; a retried request refers once
        for (int i = 0; i < 2; i++) {
            var referred = api.post("/api/v1/conversations/" + id + "/referrals",
                    "{\"kind\":\"case-referral\",\"notes\":\"passport taken by employer\"}", TestUsers.OLGA, "Idempotency-Key", "olga-ref-0001");
            assertThat(referred.statusCode()).as(referred.body()).isEqualTo(201);
        }
        List<JsonNode> referrals = streams.recent(CallLog.OUTBOX_STREAM, 50).stream().filter(e -> e.type().equals("referral"))
                .map(e -> json.readTree(e.payload())).filter(r -> r.path("id").asString().equals(id + ":olga-ref-0001")).toList();
        assertThat(referrals).hasSize(1);
        assertThat(referrals.getFirst().path("transcriptRef").asString()).isEqualTo("/api/v1/conversations/" + id + "/messages");
        assertThat(referrals.getFirst().path("contact").asString()).isEqualTo(person);
        assertThat(referrals.getFirst().path("channel").asString()).isEqualTo("whatsapp");
        assertThat(referrals.getFirst().path("team").asString()).isEqualTo("counter-trafficking");
        assertThat(referrals.getFirst().path("createdBy").asString()).isEqualTo("elena");

        var closed = api.post("/api/v1/conversations/" + id + "/close", "{\"outcome\":\"referred\"}", TestUsers.OLGA);
        assertThat(closed.statusCode()).isEqualTo(200);
        CallRecord record = callLog.recent(r -> r.id().equals(id), 1).getFirst();
        assertThat(record.channel()).isEqualTo(org.hotline.gateway.channel.ContactChannel.WHATSAPP);
        // the officer's closing outcome beside the technical one, and both can be filtered on
        assertThat(record.closing()).isEqualTo("referred");
        assertThat(api.get("/api/v1/calls?closing=referred&channel=whatsapp", TestUsers.SUE).body())
                .contains("\"id\":\"" + id + "\"", "\"closing\":\"referred\"", "\"outcome\":\"answered\"");
        assertThat(api.get("/api/v1/calls?closing=resolved", TestUsers.SUE).body()).doesNotContain(id);
        assertThat(record.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(record.officerId()).isEqualTo("elena");
        assertThat(record.team()).isEqualTo("counter-trafficking");
        assertThat(conversationsOf(TestUsers.OLGA, null)).noneMatch(c -> c.path("id").asString().equals(id));

        // writing again opens a new conversation, which says nothing of the last one: whoever holds the
        // phone (or spoofs its number) must not learn that it contacted the hotline, nor in which language
        // (words too short to say their language, so only the returning offer could show a language)
        whatsapp(person, "Hi again");
        assertThat(awaitSent(person, 5).get(4).get("Body")).contains("1. Български", "2. English").doesNotContain("continue in");

        // nothing of the person's number or words in the logs
        assertThat(output.getAll()).doesNotContain("880000201", "took my passport", "Are you safe now", "Hi again",
                "passport taken by employer");
    }

    // --- hours ---

    @Test
    void atNightTheFlowGivesHoursAnd112AndTheConversationWaitsForTheMorning() throws Exception {
        Fixtures.now.set(Instant.parse("2026-12-05T01:00:00Z")); // Saturday 03:00 in Sofia
        String person = "whatsapp:+359880000202";
        whatsapp(person, "help");
        awaitSent(person, 1);
        whatsapp(person, "2");
        awaitSent(person, 2);
        whatsapp(person, "1");
        String body = awaitSent(person, 3).get(2).get("Body");
        assertThat(body).contains("112", "We are closed right now", "Your message is with our team");

        JsonNode queued = await().until(() -> conversationsOf(TestUsers.OLGA, "queue"),
                list -> list.stream().anyMatch(c -> c.path("team").asString().equals("counter-trafficking"))).stream()
                .filter(c -> c.path("status").asString().equals("queued")).findFirst().orElseThrow();
        String id = queued.path("id").asString();

        // Monday morning: Elena comes in, and the conversation is hers
        Fixtures.now.set(Instant.parse("2026-12-07T07:00:00Z"));
        routing.setPresence("elena", Presence.AVAILABLE, "morning");
        await().until(() -> json.readTree(api.get("/api/v1/conversations/" + id, TestUsers.OLGA).body()).path("status").asString(),
                "assigned"::equals);
    }

    @Test
    void anOfficerTakesAWaitingConversationAndASupervisorMovesIt() throws Exception {
        Fixtures.now.set(Instant.parse("2026-12-05T01:00:00Z"));
        String person = "whatsapp:+359880000206";
        whatsapp(person, "help");
        awaitSent(person, 1);
        whatsapp(person, "2");
        awaitSent(person, 2);
        whatsapp(person, "1");
        awaitSent(person, 3);
        String id = await().until(() -> conversationsOf(TestUsers.OLGA, "queue"), l -> !l.isEmpty()).getFirst().path("id").asString();

        assertThat(api.post("/api/v1/conversations/" + id + "/assign", "{}", TestUsers.GOSHO).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/" + id + "/messages", "{\"text\":\"hello\"}", TestUsers.OLGA).statusCode())
                .isEqualTo(409);
        var taken = api.post("/api/v1/conversations/" + id + "/assign", "{}", TestUsers.OLGA);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(json.readTree(taken.body()).path("officerId").asString()).isEqualTo("elena");
        assertThat(conversationsOf(TestUsers.OLGA, "queue")).isEmpty();
        assertThat(routing.snapshot().queues().getOrDefault("counter-trafficking", List.of())).isEmpty();

        // a colleague of the same team cannot take it from Elena, with or without naming herself
        assertThat(api.post("/api/v1/conversations/" + id + "/assign", "", TestUsers.NINA).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/conversations/" + id + "/assign", "{\"officerId\":\"nadia\"}", TestUsers.NINA).statusCode())
                .isEqualTo(403);
        assertThat(json.readTree(api.get("/api/v1/conversations/" + id, TestUsers.OLGA).body()).path("officerId").asString())
                .isEqualTo("elena");

        // a supervisor reassigns it, and the audit trail says who moved it from whom to whom
        var moved = api.post("/api/v1/conversations/" + id + "/assign", "{\"officerId\":\"nadia\"}", TestUsers.SUE);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json.readTree(moved.body()).path("officerId").asString()).isEqualTo("nadia");
        var audit = api.get("/api/v1/audit?action=conversation&subject=" + id, TestUsers.SUE);
        assertThat(audit.body()).contains("\"actor\":\"sue\"", "\"action\":\"conversation.reassign\"", "from elena to nadia");
        assertThat(api.get("/api/v1/audit", TestUsers.OLGA).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/conversations/" + id + "/assign", "{\"officerId\":\"georgi\"}", TestUsers.OLGA).statusCode())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/conversations/" + id + "/close", "{\"outcome\":\"whatever\"}", TestUsers.SUE).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aProvidersErrorIsKeptAndShownWithoutTheNumberItQuotes() throws Exception {
        String person = "whatsapp:+359880000207";
        // Twilio refuses the address, and says it back in its error text (error 21211)
        providers.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number " + person + " is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        // the person goes on answering (the menus are refused, but they know them): the conversation reaches the team
        whatsapp(person, "help");
        whatsapp(person, "2");
        whatsapp(person, "1");
        String id = await().until(() -> conversationsOf(TestUsers.SUE, null).stream()
                .filter(c -> c.path("contact").asString().endsWith("207")).findFirst(), java.util.Optional::isPresent).get().path("id").asString();

        String error = await().until(() -> {
            for (JsonNode message : json.readTree(api.get("/api/v1/conversations/" + id + "/messages", TestUsers.SUE).body())) {
                if (!message.path("error").isMissingNode() && !message.path("error").isNull()) {
                    return message.path("error").asString();
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        // kept as stored (the entry's own record scrubs it), so no listing can show more
        assertThat(error).contains("21211").doesNotContain("880000207", "+359");
    }

    // --- the provider is down ---

    @Test
    void repliesWaitOutATwilioOutageAndGoOnceEachInOrder() throws Exception {
        String person = "whatsapp:+359880000203";
        String id = assignedWhatsappConversation(person);
        StubMapping outage = providers.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}")));
        for (String text : List.of("first", "second", "third")) {
            assertThat(api.post("/api/v1/conversations/" + id + "/messages", "{\"text\":\"" + text + "\"}", TestUsers.OLGA).statusCode())
                    .isEqualTo(202);
        }
        await().until(() -> providers.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 503).count() >= 2);
        assertThat(deliveryOf(id, "first", TestUsers.OLGA)).isEqualTo("queued");
        providers.removeStub(outage);

        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("first", "second", "third").stream()
                .allMatch(t -> "sent".equals(deliveryOf(id, t, TestUsers.OLGA))));
        List<String> accepted = providers.getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 201)
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> TwilioSigner.parse(e.getRequest().getBodyAsString()))
                .filter(f -> person.equals(f.get("To")))
                .map(f -> f.get("Body"))
                .filter(b -> List.of("first", "second", "third").contains(b))
                .toList();
        assertThat(accepted).containsExactly("first", "second", "third");
    }

    // --- WhatsApp's 24-hour window ---

    @Test
    void outsideTheWindowTheTemplateGoesAndTheReplyFollowsTheirAnswer() throws Exception {
        String person = "whatsapp:+359880000204";
        String id = assignedWhatsappConversation(person);
        Fixtures.now.set(Fixtures.now.get().plus(Duration.ofHours(25)));

        var reply = api.post("/api/v1/conversations/" + id + "/messages", "{\"text\":\"We found a shelter for you.\"}", TestUsers.OLGA);
        assertThat(reply.statusCode()).isEqualTo(202);
        JsonNode written = json.readTree(reply.body());
        assertThat(written.path("templateSent").asBoolean()).isTrue();
        assertThat(written.path("delivery").asString()).isEqualTo("held");
        assertThat(written.path("note").asString()).contains("24-hour window");

        Map<String, String> template = await().until(() -> sentTo(person).stream().filter(m -> m.containsKey("ContentSid")).toList(),
                list -> !list.isEmpty()).getFirst();
        assertThat(template).containsEntry("ContentSid", TEMPLATE).doesNotContainKey("Body");
        assertThat(sentTo(person)).noneMatch(m -> "We found a shelter for you.".equals(m.get("Body")));

        whatsapp(person, "Hello?");
        await().until(() -> sentTo(person).stream().anyMatch(m -> "We found a shelter for you.".equals(m.get("Body"))));
        await().until(() -> deliveryOf(id, "We found a shelter for you.", TestUsers.OLGA), "sent"::equals);
    }

    @Test
    void aConversationGivenToAnOfficerWhoDoesNotSpeakThePersonsLanguageSaysSo() throws Exception {
        String person = "whatsapp:+359880000209";
        routing.setPresence("interpreter-desk", Presence.AVAILABLE, "test");
        // Ukrainian (4), trafficking (1): nobody of the team speaks it; the interpreter rule gives it to the desk
        whatsapp(person, "1");
        awaitSent(person, 1);
        whatsapp(person, "4");
        awaitSent(person, 2);
        whatsapp(person, "1");
        String id = await().until(() -> conversationsOf(TestUsers.IDA, "mine"), list -> list.size() == 1).getFirst().path("id").asString();
        String inbox = api.get("/console", TestUsers.IDA).body();
        assertThat(inbox).contains("id=\"mine-" + id + "\"", "not your language");
        assertThat(api.get("/console/conversations/" + id, TestUsers.IDA).body())
                .contains("id=\"not-your-language\"", "You do not speak Українська");
        routing.setPresence("interpreter-desk", Presence.OFFLINE, "test");
    }

    // --- Viber ---

    @Test
    void viberWelcomesWithAKeyboardAndRetriesWhenViberSaysTooManyRequests() throws Exception {
        String user = "ViberUser0001+abc=";
        HttpResponse<String> started = viber(Map.of("event", "conversation_started", "timestamp", 1764583200000L,
                "message_token", 7000000000000000001L, "type", "open", "user", Map.of("id", user, "name", "Test Person"), "subscribed", false));
        assertThat(started.statusCode()).isEqualTo(200);
        JsonNode welcome = json.readTree(started.body());
        assertThat(welcome.path("text").asString()).contains("2. English");
        assertThat(welcome.path("keyboard").path("Buttons").get(1).path("ActionBody").asString()).isEqualTo("2");
        assertThat(welcome.path("sender").path("name").asString()).isNotBlank();

        viberText(user, 7000000000000000002L, "2");
        JsonNode topics = awaitViber(user, 1).getFirst();
        assertThat(topics.path("text").asString()).contains("1. Trafficking, forced labour or exploitation");
        assertThat(topics.path("keyboard").path("Buttons").get(0).path("Text").asString()).isEqualTo("Trafficking, forced labour or exploitation");

        routing.setPresence("elena", Presence.AVAILABLE, "test");
        viberText(user, 7000000000000000003L, "1");
        awaitViber(user, 2);
        String id = await().until(() -> conversationsOf(TestUsers.OLGA, "mine"), l -> l.stream()
                .anyMatch(c -> c.path("channel").asString().equals("viber"))).stream()
                .filter(c -> c.path("channel").asString().equals("viber")).findFirst().orElseThrow().path("id").asString();

        providers.stubFor(post(urlPathEqualTo("/pa/send_message")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"status\":12,\"status_message\":\"Too many requests\"}"))
                .willSetStateTo("calm"));
        assertThat(api.post("/api/v1/conversations/" + id + "/messages", "{\"text\":\"Where are you now?\"}", TestUsers.OLGA).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryOf(id, "Where are you now?", TestUsers.OLGA), "sent"::equals);
        List<JsonNode> tries = sentToViber(user).stream().filter(m -> m.path("text").asString().equals("Where are you now?")).toList();
        assertThat(tries).hasSize(2);
        var request = providers.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals("/pa/send_message")).findFirst().orElseThrow();
        assertThat(request.getRequest().getHeader("X-Viber-Auth-Token")).isEqualTo(VIBER_TOKEN);

        // the person unsubscribes: the officer sees it
        assertThat(json.readTree(api.get("/api/v1/conversations/" + id, TestUsers.OLGA).body()).path("subscribed").asBoolean()).isTrue();
        assertThat(viber(Map.of("event", "unsubscribed", "timestamp", 1764583300000L, "user_id", user,
                "message_token", 7000000000000000009L)).statusCode()).isEqualTo(200);
        assertThat(json.readTree(api.get("/api/v1/conversations/" + id, TestUsers.OLGA).body()).path("subscribed").asBoolean()).isFalse();
    }

    @Test
    void aPersonWhoWritesInRussianOnViberIsAnsweredInRussianAfterOneYes() throws Exception {
        String user = "ViberUser0002+ru=";
        assertThat(viber(Map.of("event", "conversation_started", "timestamp", 1764583200000L, "message_token", 7000000000000000101L,
                "type", "open", "user", Map.of("id", user, "name", "Test Person"), "subscribed", false)).statusCode()).isEqualTo(200);
        // no number chosen: words, clearly Russian
        viberText(user, 7000000000000000102L, "Здравствуйте, мне нужна помощь");
        JsonNode offer = awaitViber(user, 1).getFirst();
        assertThat(offer.path("text").asString()).contains("Хотите продолжить на русском языке?");
        viberText(user, 7000000000000000103L, "да");
        JsonNode topics = awaitViber(user, 2).get(1);
        assertThat(topics.path("text").asString()).contains("Торговля людьми");
    }

    // --- the store is down ---

    @Test
    void aMessageTheStoreCouldNotTakeIsRefusedWith503AndTheRetryIsProcessed() throws Exception {
        String person = "whatsapp:+359880000205";
        Map<String, String> form = whatsappForm(person, "hi?");
        Fixtures.storeBroken.set(true);
        assertThat(twilio("/webhooks/twilio/messaging", form).statusCode()).isEqualTo(503);
        Fixtures.storeBroken.set(false);
        assertThat(twilio("/webhooks/twilio/messaging", form).statusCode()).isEqualTo(200);
        assertThat(awaitSent(person, 1).getFirst().get("Body")).contains("2. English");
        assertThat(twilio("/webhooks/twilio/messaging", form).statusCode()).isEqualTo(200);
        assertThat(sentTo(person)).hasSize(1);
    }

    // --- helpers ---

    private String assignedWhatsappConversation(String person) throws Exception {
        routing.setPresence("elena", Presence.AVAILABLE, "test");
        whatsapp(person, "Hello");
        awaitSent(person, 1);
        whatsapp(person, "2");
        awaitSent(person, 2);
        whatsapp(person, "1");
        awaitSent(person, 3);
        return await().until(() -> conversationsOf(TestUsers.OLGA, "mine"), l -> !l.isEmpty()).stream()
                .filter(c -> c.path("status").asString().equals("assigned")).findFirst().orElseThrow().path("id").asString();
    }

    private Map<String, String> whatsappForm(String person, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", String.format("SM%032x", sids.incrementAndGet() + (long) person.hashCode() * 1000));
        form.put("AccountSid", ACCOUNT);
        form.put("From", person);
        form.put("To", HOTLINE_WHATSAPP);
        form.put("Body", body);
        form.put("NumMedia", "0");
        form.put("ProfileName", "Test Person");
        return form;
    }

    private void whatsapp(String person, String body) throws Exception {
        HttpResponse<String> response = twilio("/webhooks/twilio/messaging", whatsappForm(person, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> twilio(String path, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, PUBLIC + path, form))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> viber(Map<String, Object> callback) throws Exception {
        String body = json.writeValueAsString(callback);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/viber"))
                .header("Content-Type", "application/json")
                .header("X-Viber-Content-Signature", ViberSigner.sign(VIBER_TOKEN, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void viberText(String user, long token, String text) throws Exception {
        HttpResponse<String> response = viber(Map.of("event", "message", "timestamp", 1764583200000L, "message_token", token,
                "sender", Map.of("id", user, "name", "Test Person"), "message", Map.of("type", "text", "text", text)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** What Twilio's Messages API accepted for this person, in the order it arrived. */
    private List<Map<String, String>> sentTo(String person) {
        return providers.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(MESSAGES) && e.getResponse().getStatus() == 201)
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> TwilioSigner.parse(e.getRequest().getBodyAsString()))
                .filter(f -> person.equals(f.get("To")))
                .toList();
    }

    private List<Map<String, String>> awaitSent(String person, int count) {
        return await().until(() -> sentTo(person), list -> list.size() >= count);
    }

    private List<JsonNode> sentToViber(String user) {
        return providers.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/pa/send_message"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> json.readTree(e.getRequest().getBodyAsString()))
                .filter(m -> user.equals(m.path("receiver").asString()))
                .toList();
    }

    private List<JsonNode> awaitViber(String user, int count) {
        return await().until(() -> sentToViber(user), list -> list.size() >= count);
    }

    private String sidOf(String body) {
        ServeEvent event = providers.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(MESSAGES) && e.getResponse().getStatus() == 201)
                .filter(e -> body.equals(TwilioSigner.parse(e.getRequest().getBodyAsString()).get("Body"))).findFirst().orElseThrow();
        return json.readTree(event.getResponse().getBodyAsString()).path("sid").asString();
    }

    private List<JsonNode> conversationsOf(String user, String view) {
        HttpResponse<String> response = api.get("/api/v1/conversations" + (view == null ? "" : "?view=" + view), user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        json.readTree(response.body()).forEach(list::add);
        return list;
    }

    private String deliveryOf(String id, String text, String user) {
        for (JsonNode message : json.readTree(api.get("/api/v1/conversations/" + id + "/messages", user).body())) {
            if (text.equals(message.path("text").asString())) {
                return message.path("delivery").asString();
            }
        }
        return null;
    }

    private LinkedBlockingQueue<String> subscribe(String user) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/conversations/events"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(lines::add));
        await().until(() -> lines.stream().anyMatch(l -> l.contains("ready")));
        return lines;
    }
}
