package org.hotline.gateway.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.hotline.gateway.voice.twilio.TwilioSettings;

/**
 * Fetches a picture, voice note or document a person sent, for the officer's browser: Twilio keeps
 * media behind the account's credentials (and its URL is rebased onto the configured API base URL,
 * as the SDK's requests are); Viber's media links are fetched as they are. Nothing is kept.
 */
public class MediaFetcher {

    static final long MAX_BYTES = 25L * 1024 * 1024;

    public record Media(String contentType, byte[] bytes) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final TwilioSettings twilio;

    public MediaFetcher(TwilioSettings twilio) {
        this.twilio = twilio;
    }

    public Media fetch(MediaRef media) {
        URI uri = URI.create(media.url());
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a " + media.kind() + " is not a file");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30)).GET();
        if (uri.getHost() != null && uri.getHost().endsWith("twilio.com")) {
            URI base = twilio.apiBaseUrl();
            uri = URI.create(base.toString().replaceFirst("/$", "") + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String credentials = twilio.accountSid() + ":" + twilio.authToken();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.uri(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new MediaUnavailableException("the provider answered " + response.statusCode() + " for this " + media.kind());
            }
            if (response.body().length > MAX_BYTES) {
                throw new MediaUnavailableException("the " + media.kind() + " is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
            }
            String type = response.headers().firstValue("Content-Type")
                    .orElse(media.contentType() != null ? media.contentType() : "application/octet-stream");
            return new Media(type, response.body());
        } catch (java.io.IOException e) {
            throw new MediaUnavailableException("the provider could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaUnavailableException("interrupted");
        }
    }

    public static class MediaUnavailableException extends RuntimeException {
        public MediaUnavailableException(String message) {
            super(message);
        }
    }
}
