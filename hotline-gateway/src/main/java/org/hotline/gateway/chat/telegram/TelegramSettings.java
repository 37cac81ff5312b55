package org.hotline.gateway.chat.telegram;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hotline's Telegram bot: its token ({@code TELEGRAM_BOT_TOKEN}, from @BotFather), the secret
 * Telegram sends back with every update ({@code TELEGRAM_WEBHOOK_SECRET}, set with the webhook; 32 to
 * 256 of {@code A-Z a-z 0-9 _ -}), and the Bot API's address ({@code HOTLINE_TELEGRAM_API_BASE_URL},
 * for a fake in staging). Without the token and the secret, /webhooks/telegram answers 503.
 */
@Validated
@ConfigurationProperties("hotline.telegram")
public record TelegramSettings(String botToken,
                               @Pattern(regexp = "|[A-Za-z0-9_-]{32,256}", message = "must be 32 to 256 of A-Z a-z 0-9 _ -") String webhookSecret,
                               @DefaultValue("https://api.telegram.org") URI apiBaseUrl, @DefaultValue("10s") Duration timeout) {

    public boolean configured() {
        return botToken != null && !botToken.isBlank() && webhookSecret != null && !webhookSecret.isBlank();
    }

    /** {@code https://api.telegram.org/bot<token>/<method>} */
    URI method(String method) {
        return URI.create(apiBaseUrl.toString().replaceFirst("/$", "") + "/bot" + botToken + "/" + method);
    }

    /** {@code https://api.telegram.org/file/bot<token>/<path>} */
    URI file(String path) {
        return URI.create(apiBaseUrl.toString().replaceFirst("/$", "") + "/file/bot" + botToken + "/" + path);
    }
}
