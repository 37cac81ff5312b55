package org.hotline.caseconnector.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Downloads a voicemail for an adapter that stores the audio itself (Primero attachments). Twilio
 * serves a recording's WAV at its URL + ".wav" to the account's credentials. A failed download is
 * retried like any delivery failure: the referral waits, it is not sent without its voicemail.
 */
public class RecordingFetcher {

    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    public RecordingFetcher(String user, String password, Duration timeout) {
        this.authorization = user == null || user.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public byte[] wav(String recordingUrl) {
        String url = recordingUrl.endsWith(".wav") ? recordingUrl : recordingUrl + ".wav";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw DeliveryException.ofStatus(response.statusCode() == 404 ? 503 : response.statusCode(),
                        "recording not available yet at " + URI.create(url).getHost());
            }
            return response.body();
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.RETRY, "cannot fetch the recording: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Kind.RETRY, "interrupted", e);
        }
    }
}
