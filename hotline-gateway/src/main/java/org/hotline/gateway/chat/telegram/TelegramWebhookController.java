package org.hotline.gateway.chat.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.gateway.chat.ChatGateway;
import org.hotline.gateway.chat.ChatWebhook;
import org.hotline.gateway.chat.MalformedPayloadException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's webhook. Telegram sends the secret given with {@code setWebhook} in
 * {@code X-Telegram-Bot-Api-Secret-Token}; it is compared in constant time before the body is read,
 * and anything else gets 403 and changes nothing. An update is acknowledged once it is saved;
 * Telegram retries an update until it gets a 2xx, with the same {@code update_id}.
 *
 * <p>A button press is answered in the acknowledgement itself ({@code answerCallbackQuery} as the
 * reply's method): without an answer the person's app shows a spinner on the button, and this way
 * it costs no second request to Telegram.
 *
 * @see <a href="https://core.telegram.org/bots/api#setwebhook">Bot API: setWebhook</a>
 * @see <a href="https://core.telegram.org/bots/api#making-requests-when-getting-updates">Bot API: making requests when getting updates</a>
 */
@RestController
@ChatWebhook
class TelegramWebhookController {

    private final ChatGateway gateway;
    private final TelegramSettings settings;
    private final JsonMapper json;
    private final MeterRegistry metrics;
    private final Clock clock;

    TelegramWebhookController(ChatGateway gateway, TelegramSettings settings, JsonMapper json, MeterRegistry metrics, Clock clock) {
        this.gateway = gateway;
        this.settings = settings;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/telegram", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> update(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret) {
        if (!settings.configured()) {
            return reject(503, "not_configured", "Telegram updates are disabled: TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET are not set");
        }
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                settings.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
            return reject(403, secret == null ? "unsigned" : "bad_signature", "the secret token does not match");
        }
        TelegramUpdate update;
        try {
            update = json.readValue(body == null ? new byte[0] : body, TelegramUpdate.class);
        } catch (JacksonException e) {
            throw new MalformedPayloadException("the body is not a Telegram update: " + e.getOriginalMessage());
        }
        TelegramEvents.decode(update, clock.instant()).ifPresent(gateway::accept);
        if (update.callbackQuery() != null && update.callbackQuery().id() != null) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("method", "answerCallbackQuery");
            answer.put("callback_query_id", update.callbackQuery().id());
            return ResponseEntity.ok(json.writeValueAsString(answer));
        }
        return ResponseEntity.ok("{}");
    }

    private ResponseEntity<String> reject(int status, String reason, String message) {
        metrics.counter("hotline.webhooks.rejected", "provider", "telegram", "reason", reason).increment();
        return ResponseEntity.status(status).body(json.writeValueAsString(Map.of("error", message)));
    }
}
