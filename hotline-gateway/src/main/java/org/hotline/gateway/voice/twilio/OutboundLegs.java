package org.hotline.gateway.voice.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.Client;
import com.twilio.type.Endpoint;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.config.HotlineConfig.Reach;

/**
 * The calls the gateway places itself for a caller's call (to an officer, to an interpreter):
 * Twilio's Calls API, ringing for {@code ringTimeout}, TwiML from {@code twimlUrl} when picked up, and
 * the status callback only for the end of the call.
 */
final class OutboundLegs {

    private OutboundLegs() {}

    /** The person's Twilio Client identity, else their phone; empty when Twilio cannot reach them. */
    static Optional<Endpoint> endpoint(Reach reach) {
        if (reach.twilioClient() != null) {
            return Optional.of(new Client("client:" + reach.twilioClient()));
        }
        return Optional.ofNullable(reach.phone()).map(PhoneNumber::new);
    }

    static void place(TwilioRestClient client, Endpoint to, String callerId, String twimlUrl, Duration ringTimeout, String statusUrl)
            throws ApiException, ApiConnectionException {
        Call.creator(to, new PhoneNumber(callerId), URI.create(twimlUrl))
                .setTimeout((int) ringTimeout.toSeconds())
                .setStatusCallback(URI.create(statusUrl))
                .setStatusCallbackEvent(List.of("completed"))
                .create(client);
    }

    static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
