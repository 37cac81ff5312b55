package org.hotline.caseconnector.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** JSON over HTTP with Basic auth for the adapters; connection failures and timeouts are retryable. */
public final class JsonHttp {

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    public JsonHttp(URI base, String user, String password, Duration timeout) {
        this(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), timeout);
    }

    public JsonHttp(URI base, String authorization, Duration timeout) {
        this.base = URI.create(base.toString().replaceFirst("/$", ""));
        this.authorization = authorization;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public record Reply(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.RETRY, "cannot reach " + base.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Kind.RETRY, "interrupted", e);
        }
    }
}
