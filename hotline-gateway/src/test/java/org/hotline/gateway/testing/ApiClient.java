package org.hotline.gateway.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP against the running gateway, as a user with HTTP Basic. */
public record ApiClient(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public HttpResponse<String> get(String path, String credentials) {
        return send(request(path, credentials).GET());
    }

    public HttpResponse<String> put(String path, String json, String credentials) {
        return send(request(path, credentials).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, String json, String credentials, String... headers) {
        var request = request(path, credentials).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String credentials) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
