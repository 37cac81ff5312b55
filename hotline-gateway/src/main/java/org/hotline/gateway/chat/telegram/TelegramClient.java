package org.hotline.gateway.chat.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.gateway.chat.MediaFetcher;
import org.hotline.gateway.chat.MediaRef;
import org.hotline.gateway.chat.OutboundMessage;
import org.hotline.gateway.chat.ProviderClient;
import org.hotline.gateway.chat.Reply;
import org.hotline.gateway.channel.ContactChannel;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through the Bot API's {@code sendMessage}, a menu's choices as an inline keyboard (a press
 * comes back as a {@code callback_query} with the choice's reply). Telegram answers
 * {@code {"ok":false,"error_code":…}} with the HTTP status: 429 (too many requests) and 5xx are
 * retried; the rest (the bot blocked by the person: 403) are refusals. Files a person sent are
 * fetched through {@code getFile}, with the bot's token, which never leaves the gateway.
 *
 * @see <a href="https://core.telegram.org/bots/api#sendmessage">Bot API: sendMessage</a>
 */
public class TelegramClient implements ProviderClient {

    private final RestClient http;
    private final TelegramSettings settings;
    private final JsonMapper json;

    public TelegramClient(TelegramSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        // HTTP/1.1: over plain http (a fake in staging, a proxy) the JDK client first asks to upgrade a
        // POST to HTTP/2, which some servers leave hanging until the timeout; one small JSON request gains
        // nothing from HTTP/2
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public java.util.Set<String> secrets() {
        return java.util.stream.Stream.of(settings.botToken(), settings.webhookSecret()).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public boolean sends(ContactChannel channel) {
        return channel == ContactChannel.TELEGRAM;
    }

    @Override
    public String send(OutboundMessage message) {
        if (!settings.configured()) {
            throw new SendException(true, "TELEGRAM_BOT_TOKEN is not set");
        }
        JsonNode result = call("sendMessage", body(message.to(), message.text(), message.buttons()));
        return result.path("result").path("message_id").asString();
    }

    /** A text, and the choices as one button a row (labels are whole sentences in some languages). */
    static Map<String, Object> body(String chatId, String text, List<Reply.Button> buttons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", text);
        if (!buttons.isEmpty()) {
            body.put("reply_markup", Map.of("inline_keyboard", buttons.stream()
                    .map(b -> List.of(Map.of("text", b.label(), "callback_data", b.reply()))).toList()));
        }
        return body;
    }

    @Override
    public Optional<MediaFetcher.Source> mediaSource(MediaRef media) {
        if (media.url() == null || !media.url().startsWith(TelegramEvents.FILE_SCHEME)) {
            return Optional.empty();
        }
        String fileId = media.url().substring(TelegramEvents.FILE_SCHEME.length());
        String path = call("getFile", Map.of("file_id", fileId)).path("result").path("file_path").asString(null);
        if (path == null) {
            throw new MediaFetcher.MediaUnavailableException("Telegram has no file for this " + media.kind());
        }
        return Optional.of(new MediaFetcher.Source(settings.file(path), Map.of()));
    }

    /** Telegram's reason for a refusal, when its answer says one. */
    private String description(String answer) {
        try {
            return answer.isBlank() ? "" : json.readTree(answer).path("description").asString("");
        } catch (JacksonException notJson) {
            return "";
        }
    }

    private JsonNode call(String method, Map<String, Object> body) {
        URI uri = settings.method(method);
        try {
            String answer = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body))
                    .retrieve().body(String.class);
            try {
                return json.readTree(answer == null ? "{}" : answer);
            } catch (JacksonException unreadable) {
                // Telegram took the request (HTTP 2xx): sending it again would send it twice
                return json.readTree("{}");
            }
        } catch (RestClientResponseException e) {
            int code = e.getStatusCode().value();
            String description = description(e.getResponseBodyAsString());
            throw new SendException(code >= 500 || code == 429, "Telegram answered " + code + (description.isEmpty() ? "" : ": " + description));
        } catch (ResourceAccessException e) {
            // the message says which host, never the token in the path
            throw new SendException(true, "Telegram could not be reached (" + method + ")");
        }
    }
}
