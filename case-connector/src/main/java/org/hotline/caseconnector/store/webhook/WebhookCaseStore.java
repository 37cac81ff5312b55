package org.hotline.caseconnector.store.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.DeliveryException;
import tools.jackson.databind.json.JsonMapper;

/**
 * For systems without an adapter: a JSON POST to any URL, signed so the receiver can trust it.
 * Headers: {@code X-Hotline-Timestamp} (epoch seconds) and {@code X-Hotline-Signature: sha256=<hex>},
 * the HMAC-SHA256 with the shared secret of {@code timestamp + "." + body}; {@code Idempotency-Key}
 * is the item's id, the same on every retry, so the receiver can create it once. 2xx and 409 (already
 * there) are success.
 */
public class WebhookCaseStore implements CaseStore {

    private final URI url;
    private final byte[] secret;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    public WebhookCaseStore(URI url, String secret, Duration timeout, JsonMapper json, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook case store needs a secret (HOTLINE_CASE_WEBHOOK_SECRET)");
        }
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public String deliver(Referral referral) {
        post(referral.id(), json.writeValueAsString(WebhookMapper.INSTANCE.toPayload(referral)));
        return referral.id();
    }

    @Override
    public void deliver(CallSummary call) {
        post(call.id(), json.writeValueAsString(WebhookMapper.INSTANCE.toPayload(call)));
    }

    private void post(String id, String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", id)
                .header("X-Hotline-Timestamp", timestamp)
                .header("X-Hotline-Signature", "sha256=" + sign(timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.RETRY, "cannot reach " + url.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Kind.RETRY, "interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 != 2 && status != 409) {
            throw DeliveryException.ofStatus(status, response.body());
        }
    }

    String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
