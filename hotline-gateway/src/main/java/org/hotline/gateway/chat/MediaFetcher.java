package org.hotline.gateway.chat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches a picture, voice note or document a person sent, for the officer's browser: each provider
 * says where its files are and how to authenticate ({@link ProviderClient#mediaSource}: Twilio keeps
 * media behind the account's credentials, Telegram behind the bot's token); a plain public link
 * (Viber's) is fetched as it is. At most 25 MB; nothing is kept.
 */
public class MediaFetcher {

    static final long MAX_BYTES = 25L * 1024 * 1024;

    public record Media(String contentType, byte[] bytes) {}

    /** Where a file is, and the headers that authenticate the request for it. */
    public record Source(URI uri, Map<String, String> headers) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final List<ProviderClient> providers;

    public MediaFetcher(List<ProviderClient> providers) {
        this.providers = List.copyOf(providers);
    }

    public Media fetch(MediaRef media) {
        Source source = providers.stream().map(p -> p.mediaSource(media)).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> new Source(URI.create(media.url()), Map.of()));
        if (!"https".equals(source.uri().getScheme()) && !"http".equals(source.uri().getScheme())) {
            throw new IllegalArgumentException("a " + media.kind() + " is not a file");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(source.uri()).timeout(Duration.ofSeconds(30)).GET();
        source.headers().forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new MediaUnavailableException("the provider answered " + response.statusCode() + " for this " + media.kind());
                }
                // read one byte more than allowed: a larger file is refused without holding all of it
                byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new MediaUnavailableException("the " + media.kind() + " is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
                }
                String type = response.headers().firstValue("Content-Type")
                        .orElse(media.contentType() != null ? media.contentType() : "application/octet-stream");
                return new Media(type, bytes);
            }
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
