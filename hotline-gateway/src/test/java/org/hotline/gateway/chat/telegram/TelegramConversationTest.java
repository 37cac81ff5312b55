package org.hotline.gateway.chat.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TelegramUpdates;
import org.hotline.gateway.testing.TestUsers;
import org.hotline.gateway.testing.TuesdayMorning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
 * A Telegram conversation end to end over real HTTP, WireMock standing in for the Bot API: the
 * first message gets the language menu as inline buttons, presses choose the language and the
 * topic, the conversation reaches the team's inbox, the officer's reply goes out by sendMessage;
 * a forged secret changes nothing, a repeated update is processed once, a blocked bot is shown.
 * Tuesday 1 December 2026, 10:00 in Sofia.
 */
@Import(TuesdayMorning.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class TelegramConversationTest {

    static final String TOKEN = "123456789:AAtest-telegram-bot-token";
    static final String SECRET = "telegram-webhook-secret-0123456789abcdef";
    static final WireMockServer botApi = new WireMockServer(options().dynamicPort().globalTemplating(true));

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startBotApi() {
        botApi.start();
    }

    @AfterAll
    static void stopBotApi() {
        botApi.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hotline.state.data-dir", () -> dataDir.toString());
        registry.add("hotline.routing.tick", () -> "1h");
        registry.add("hotline.telegram.bot-token", () -> TOKEN);
        registry.add("hotline.telegram.webhook-secret", () -> SECRET);
        registry.add("hotline.telegram.api-base-url", () -> "http://localhost:" + botApi.port());
        TestUsers.register(registry);
    }

    @LocalServerPort int port;
    @Autowired RoutingService routing;
    @Autowired SessionStore store;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiClient api;

    @BeforeEach
    void reset() {
        api = new ApiClient(port);
        store.remove("routing:state");
        botApi.resetAll();
        botApi.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/sendMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1000 upper=999999}},\"date\":1764576000}}")));
        botApi.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/getFile")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":{\"file_id\":\"AgACphoto\",\"file_size\":4,\"file_path\":\"photos/file_7.jpg\"}}")));
        botApi.stubFor(get(urlPathEqualTo("/file/bot" + TOKEN + "/photos/file_7.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(new byte[] {(byte) 0xFF, (byte) 0xD8, 7, 7})));
    }

    @Test
    void aPersonOnTelegramReachesTheTeamAndTheOfficerAnswers(CapturedOutput output) throws Exception {
        long chat = 555000111L;
        assertThat(update(message(9001, chat, "Привіт, мені потрібна допомога")).statusCode()).isEqualTo(200);
        // clearly Ukrainian: one question in Ukrainian first, with "another language" as its second button
        JsonNode offer = awaitSent(chat, 1).getFirst();
        assertThat(offer.path("text").asString()).contains("Бажаєте продовжити українською мовою?");
        assertThat(offer.path("reply_markup").path("inline_keyboard").get(1).get(0).path("callback_data").asString()).isEqualTo("2");

        // Telegram retries an update it got no answer for: the same update_id is processed once
        assertThat(update(message(9001, chat, "Привіт, мені потрібна допомога")).statusCode()).isEqualTo(200);

        // the press is answered in the acknowledgement, so the person's button stops spinning
        HttpResponse<String> pressed = update(press(9002, chat, "2"));
        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(pressed.body()).path("method").asString()).isEqualTo("answerCallbackQuery");
        assertThat(json.readTree(pressed.body()).path("callback_query_id").asString()).isEqualTo("cq9002");
        // another language: the whole menu, as inline buttons
        JsonNode menu = awaitSent(chat, 2).get(1);
        assertThat(menu.path("text").asString()).contains("1. Български", "2. English");
        assertThat(menu.path("reply_markup").path("inline_keyboard").get(1).get(0).path("callback_data").asString()).isEqualTo("2");
        assertThat(menu.path("reply_markup").path("inline_keyboard").get(1).get(0).path("text").asString()).contains("English");
        assertThat(update(press(9010, chat, "2")).statusCode()).isEqualTo(200);
        assertThat(awaitSent(chat, 3).get(2).path("text").asString()).contains("What do you need help with?");
        assertThat(update(press(9003, chat, "1")).statusCode()).isEqualTo(200);
        assertThat(awaitSent(chat, 4).get(3).path("text").asString()).contains("112");
        assertThat(sentTo(chat)).hasSize(4);

        // the team's queue: Elena sees it, Georgi (another team) does not
        JsonNode queued = await().until(() -> conversations(TestUsers.OLGA, "queue"), l -> !l.isEmpty()).getFirst();
        assertThat(queued.path("channel").asString()).isEqualTo("telegram");
        assertThat(queued.path("team").asString()).isEqualTo("counter-trafficking");
        assertThat(queued.path("contact").asString()).startsWith("telegram:[").doesNotContain("555000111");
        assertThat(conversations(TestUsers.GOSHO, null)).isEmpty();
        String id = queued.path("id").asString();

        // a photo: the officer sees it through the gateway, fetched with the bot's token
        assertThat(update(photo(9004, chat)).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/conversations/" + id + "/assign", "", TestUsers.OLGA).statusCode()).isEqualTo(200);
        String href = await().until(() -> {
            for (JsonNode m : json.readTree(api.get("/api/v1/conversations/" + id + "/messages", TestUsers.OLGA).body())) {
                if (m.path("media").size() > 0) {
                    return m.path("media").get(0).path("url").asString();
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        HttpResponse<byte[]> picture = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + href))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(TestUsers.OLGA.getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.body()).containsExactly((byte) 0xFF, (byte) 0xD8, 7, 7);

        // the officer's reply reaches sendMessage, exactly
        assertThat(api.post("/api/v1/conversations/" + id + "/messages", "{\"text\":\"We are here. Are you safe now?\"}", TestUsers.OLGA)
                .statusCode()).isEqualTo(202);
        JsonNode reply = awaitSent(chat, 5).get(4);
        assertThat(reply.path("chat_id").asString()).isEqualTo(String.valueOf(chat));
        assertThat(reply.path("text").asString()).isEqualTo("We are here. Are you safe now?");
        assertThat(reply.has("reply_markup")).isFalse();

        // the person blocks the bot: the conversation says the hotline can no longer write to them
        assertThat(update(blocked(9005, chat)).statusCode()).isEqualTo(200);
        await().until(() -> json.readTree(api.get("/api/v1/conversations/" + id, TestUsers.OLGA).body()).path("subscribed").asBoolean(true),
                subscribed -> !subscribed);

        assertThat(output.getAll()).doesNotContain("555000111", "Привіт", "Are you safe now", TOKEN, SECRET);
    }

    @Test
    void aForgedOrMissingSecretChangesNothing() throws Exception {
        long chat = 555000222L;
        for (String secret : new String[] {null, "not-the-secret", SECRET.toUpperCase()}) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telegram"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message(9101, chat, "hello")));
            if (secret != null) {
                request.header("X-Telegram-Bot-Api-Secret-Token", secret);
            }
            assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        }
        assertThat(update("{\"update_id\":9102,\"message\":{\"message_id\":1}}").statusCode()).as("no chat").isEqualTo(400);
        assertThat(update("{\"message\":").statusCode()).isEqualTo(400);
        assertThat(update("{\"update_id\":9103,\"edited_message\":{\"message_id\":1,\"chat\":{\"id\":555000222}}}").statusCode())
                .as("an edit is acknowledged and ignored").isEqualTo(200);
        assertThat(sentTo(chat)).isEmpty();
        assertThat(conversations(TestUsers.SUE, null)).noneMatch(c -> c.path("channel").asString().equals("telegram")
                && c.path("contact").asString().contains("222"));
    }

    // --- Telegram's side ---

    private HttpResponse<String> update(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/telegram"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String message(long updateId, long chat, String text) {
        return TelegramUpdates.message(updateId, chat, text);
    }

    static String press(long updateId, long chat, String data) {
        return TelegramUpdates.press(updateId, chat, data);
    }

    static String photo(long updateId, long chat) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,"first_name":"Testperson"},
                 "chat":{"id":%d,"type":"private"},"date":1764576000,"caption":"my contract",
                 "photo":[{"file_id":"AgACsmall","file_unique_id":"s","width":90,"height":67,"file_size":900},
                          {"file_id":"AgACphoto","file_unique_id":"l","width":1280,"height":960,"file_size":4}]}}"""
                .formatted(updateId, updateId, chat, chat);
    }

    static String blocked(long updateId, long chat) {
        return """
                {"update_id":%d,"my_chat_member":{"chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"Testperson"},
                 "date":1764576100,"old_chat_member":{"user":{"id":1,"is_bot":true,"first_name":"Hotline"},"status":"member"},
                 "new_chat_member":{"user":{"id":1,"is_bot":true,"first_name":"Hotline"},"status":"kicked","until_date":0}}}"""
                .formatted(updateId, chat, chat);
    }

    /** What sendMessage received for this chat, in order. */
    private List<JsonNode> sentTo(long chat) {
        return botApi.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/bot" + TOKEN + "/sendMessage"))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> json.readTree(e.getRequest().getBodyAsString()))
                .filter(m -> m.path("chat_id").asString().equals(String.valueOf(chat)))
                .toList();
    }

    private List<JsonNode> awaitSent(long chat, int count) {
        return await().until(() -> sentTo(chat), list -> list.size() >= count);
    }

    private List<JsonNode> conversations(String user, String view) {
        HttpResponse<String> response = api.get("/api/v1/conversations" + (view == null ? "" : "?view=" + view), user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        json.readTree(response.body()).forEach(list::add);
        return list;
    }
}
