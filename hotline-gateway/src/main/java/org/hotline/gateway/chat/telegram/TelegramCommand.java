package org.hotline.gateway.chat.telegram;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./hotline telegram set-webhook}: tells Telegram where the bot's updates go
 * ({@code HOTLINE_PUBLIC_BASE_URL/webhooks/telegram}), with the secret it must send back and the
 * update kinds the hotline uses. Reads {@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_WEBHOOK_SECRET},
 * {@code HOTLINE_PUBLIC_BASE_URL} and {@code HOTLINE_TELEGRAM_API_BASE_URL} from the environment.
 */
public final class TelegramCommand {

    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");

    private TelegramCommand() {}

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[1].equals("set-webhook")) {
            err.println("usage: hotline telegram set-webhook");
            return 2;
        }
        String token = env.getOrDefault("TELEGRAM_BOT_TOKEN", "");
        String secret = env.getOrDefault("TELEGRAM_WEBHOOK_SECRET", "");
        String publicUrl = env.getOrDefault("HOTLINE_PUBLIC_BASE_URL", "");
        if (token.isBlank() || publicUrl.isBlank() || !secret.matches("[A-Za-z0-9_-]{32,256}")) {
            err.println("set TELEGRAM_BOT_TOKEN, HOTLINE_PUBLIC_BASE_URL and TELEGRAM_WEBHOOK_SECRET (32 to 256 of A-Z a-z 0-9 _ -;"
                    + " make one with: openssl rand -hex 32)");
            return 2;
        }
        var settings = new TelegramSettings(token, secret, URI.create(env.getOrDefault("HOTLINE_TELEGRAM_API_BASE_URL", "https://api.telegram.org")),
                Duration.ofSeconds(10));
        String url = publicUrl.replaceFirst("/$", "") + "/webhooks/telegram";
        JsonMapper json = JsonMapper.builder().build();
        String body = json.writeValueAsString(Map.of("url", url, "secret_token", secret, "allowed_updates", UPDATES));
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(settings.method("setWebhook")).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body().isBlank() ? "{}" : response.body());
            if (response.statusCode() == 200 && answer.path("ok").asBoolean(false)) {
                out.println("Telegram: updates go to " + url);
                return 0;
            }
            err.println("Telegram refused the webhook (HTTP " + response.statusCode() + "): " + answer.path("description").asString(""));
            return 1;
        } catch (java.io.IOException e) {
            err.println("Telegram could not be reached: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
