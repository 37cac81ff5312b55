package org.hotline.gateway.chat.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./hotline telegram set-webhook}: the request the Bot API documents, and clear refusals. */
class TelegramCommandTest {

    static final String TOKEN = "123456789:AAtest-telegram-bot-token";
    final WireMockServer botApi = new WireMockServer(options().dynamicPort());
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        botApi.start();
    }

    @AfterEach
    void stop() {
        botApi.stop();
    }

    private int run(Map<String, String> env) {
        return TelegramCommand.run(new String[] {"telegram", "set-webhook"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Map<String, String> env(String secret) {
        return Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", secret, "HOTLINE_PUBLIC_BASE_URL", "https://hotline.example.org/",
                "HOTLINE_TELEGRAM_API_BASE_URL", "http://localhost:" + botApi.port());
    }

    @Test
    void shouldSetTheWebhookWithItsSecretAndTheUpdatesTheHotlineUses() {
        botApi.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/setWebhook")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));
        String secret = "s".repeat(40);

        assertThat(run(env(secret))).isZero();

        botApi.verify(postRequestedFor(urlPathEqualTo("/bot" + TOKEN + "/setWebhook")).withRequestBody(equalToJson("""
                {"url":"https://hotline.example.org/webhooks/telegram","secret_token":"%s",
                 "allowed_updates":["message","callback_query","my_chat_member"]}""".formatted(secret))));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("https://hotline.example.org/webhooks/telegram");
    }

    @Test
    void shouldSayWhyWhenTelegramRefusesOrTheSecretIsWeak() {
        botApi.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/setWebhook")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: bad webhook: HTTPS url must be provided\"}")));
        assertThat(run(env("s".repeat(40)))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTPS url must be provided");

        assertThat(run(env("short"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TELEGRAM_WEBHOOK_SECRET (32 to 256");
    }
}
