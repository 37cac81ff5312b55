package org.hotline.gateway.chat.viber;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.gateway.chat.ChatEvent;
import org.hotline.gateway.chat.ChatGateway;
import org.hotline.gateway.chat.ChatWebhook;
import org.hotline.gateway.chat.ChatReceipt;
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
 * Viber's bot callback. The signature is checked on the raw bytes before anything is parsed; a
 * forged or unsigned callback gets 403 and changes nothing. {@code conversation_started} is
 * answered with the welcome in the response body, the only way Viber lets a bot greet someone who
 * has not subscribed yet.
 */
@RestController
@ChatWebhook
class ViberWebhookController {

    private final ChatGateway gateway;
    private final ViberSettings settings;
    private final JsonMapper json;
    private final MeterRegistry metrics;

    ViberWebhookController(ChatGateway gateway, ViberSettings settings, JsonMapper json, MeterRegistry metrics) {
        this.gateway = gateway;
        this.settings = settings;
        this.json = json;
        this.metrics = metrics;
    }

    @PostMapping(path = "/webhooks/viber", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> callback(@RequestBody(required = false) byte[] body,
                                    @RequestHeader(name = "X-Viber-Content-Signature", required = false) String signature) {
        if (!settings.configured()) {
            return reject(503, "not_configured", "Viber callbacks are disabled: VIBER_AUTH_TOKEN is not set");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (signature == null || signature.isBlank()) {
            return reject(403, "unsigned", "missing X-Viber-Content-Signature");
        }
        if (!ViberSignature.matches(settings.authToken(), raw, signature)) {
            return reject(403, "bad_signature", "the X-Viber-Content-Signature does not match this body");
        }
        ViberCallback callback;
        try {
            callback = json.readValue(raw, ViberCallback.class);
        } catch (JacksonException e) {
            throw new MalformedPayloadException("the body is not a Viber callback: " + e.getOriginalMessage());
        }
        if (callback == null) {
            throw new MalformedPayloadException("the body is empty");
        }
        Optional<ChatEvent> event = ViberEvents.decode(callback);
        ChatReceipt receipt = event.map(gateway::accept).orElse(null);
        if (receipt != null && receipt.welcome() != null) {
            return ResponseEntity.ok(json.writeValueAsString(ViberClient.body(null, receipt.welcome().text(),
                    receipt.welcome().buttons(), settings)));
        }
        return ResponseEntity.ok("{}");
    }

    private ResponseEntity<String> reject(int status, String reason, String message) {
        metrics.counter("hotline.webhooks.rejected", "provider", "viber", "reason", reason).increment();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        return ResponseEntity.status(status).body(json.writeValueAsString(body));
    }
}
