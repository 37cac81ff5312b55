package org.hotline.gateway.chat.viber;

import org.hotline.gateway.channel.ContactChannel;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.gateway.chat.OutboundMessage;
import org.hotline.gateway.chat.ProviderClient;
import org.hotline.gateway.chat.Reply;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through Viber's {@code send_message}. Viber answers HTTP 200 even when it refuses, so the
 * JSON {@code status} decides: 0 sent; 12 (too many requests) is retried; others (receiver not
 * registered or not subscribed, account blocked, bad data) are refusals.
 */
public class ViberClient implements ProviderClient {

    static final int TOO_MANY_REQUESTS = 12;

    private final RestClient http;
    private final ViberSettings settings;
    private final JsonMapper json;

    public ViberClient(ViberSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        // HTTP/1.1: over plain http (a fake in staging, a proxy) the JDK client first asks to upgrade a
        // POST to HTTP/2, which some servers leave hanging until the timeout; one small JSON request gains
        // nothing from HTTP/2
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).baseUrl(settings.apiBaseUrl().toString().replaceFirst("/$", "")).build();
    }

    @Override
    public java.util.Set<String> secrets() {
        return settings.authToken() == null ? java.util.Set.of() : java.util.Set.of(settings.authToken());
    }

    @Override
    public boolean sends(ContactChannel channel) {
        return channel == ContactChannel.VIBER;
    }

    @Override
    public String send(OutboundMessage message) {
        if (!settings.configured()) {
            throw new SendException(true, "VIBER_AUTH_TOKEN is not set");
        }
        String answer;
        try {
            answer = http.post().uri("/send_message").header("X-Viber-Auth-Token", settings.authToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body(message.to(), message.text(), message.buttons(), settings)))
                    .retrieve().body(String.class);
        } catch (RestClientResponseException e) {
            int code = e.getStatusCode().value();
            throw new SendException(code >= 500 || code == 429, "Viber answered HTTP " + code);
        } catch (ResourceAccessException e) {
            throw new SendException(true, "Viber could not be reached: " + e.getMessage());
        }
        JsonNode result = json.readTree(answer == null ? "{}" : answer);
        int status = result.path("status").asInt(-1);
        if (status == 0) {
            return result.path("message_token").asString();
        }
        String reason = "Viber status " + status + ": " + result.path("status_message").asString("");
        throw new SendException(status == TOO_MANY_REQUESTS || status == -1, reason);
    }

    /** A text message with the choices as a keyboard; {@code receiver} null for the welcome in a webhook answer. */
    static Map<String, Object> body(String receiver, String text, List<Reply.Button> buttons, ViberSettings settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (receiver != null) {
            body.put("receiver", receiver);
        }
        body.put("min_api_version", 3);
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("name", settings.senderName());
        if (settings.senderAvatar() != null) {
            sender.put("avatar", settings.senderAvatar());
        }
        body.put("sender", sender);
        body.put("type", "text");
        body.put("text", text);
        if (!buttons.isEmpty()) {
            int columns = buttons.size() > 4 ? 3 : 6;
            body.put("keyboard", Map.of("Type", "keyboard", "DefaultHeight", false, "Buttons", buttons.stream()
                    .map(b -> Map.of("Columns", columns, "Rows", 1, "ActionType", "reply", "ActionBody", b.reply(),
                            "Text", b.label()))
                    .toList()));
        }
        return body;
    }
}
