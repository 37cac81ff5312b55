package org.hotline.gateway.chat.twilio;

import org.hotline.gateway.channel.ContactChannel;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import org.hotline.gateway.chat.ChatSettings;
import org.hotline.gateway.chat.MediaFetcher;
import org.hotline.gateway.chat.MediaRef;
import org.hotline.gateway.twilio.TwilioSettings;
import org.hotline.gateway.chat.OutboundMessage;
import org.hotline.gateway.chat.ProviderClient;

/**
 * Sends WhatsApp and SMS through Twilio's Messages API (the SDK, against the configured base URL),
 * from the hotline address the person wrote to, with a status callback. Outside WhatsApp's 24-hour
 * window the approved template goes by ContentSid, never as body text (Twilio refuses that since
 * April 2025, error 63016).
 */
public class TwilioMessagingClient implements ProviderClient {

    private final TwilioRestClient client;
    private final ChatSettings settings;
    private final TwilioSettings twilio;
    private final URI statusCallback;

    public TwilioMessagingClient(TwilioRestClient client, ChatSettings settings, TwilioSettings twilio, String publicBaseUrl) {
        this.client = client;
        this.settings = settings;
        this.twilio = twilio;
        this.statusCallback = URI.create(publicBaseUrl.replaceFirst("/$", "") + "/webhooks/twilio/messaging/status");
    }

    @Override
    public boolean sends(ContactChannel channel) {
        return channel == ContactChannel.WHATSAPP || channel == ContactChannel.SMS;
    }

    @Override
    public java.util.Set<String> secrets() {
        return twilio.authToken() == null ? java.util.Set.of() : java.util.Set.of(twilio.authToken());
    }

    /** Twilio keeps media behind the account's credentials, at the configured API base URL (as the SDK's requests go). */
    @Override
    public java.util.Optional<MediaFetcher.Source> mediaSource(MediaRef media) {
        URI uri = media.url() == null ? null : URI.create(media.url());
        if (uri == null || uri.getHost() == null || !uri.getHost().endsWith("twilio.com")) {
            return java.util.Optional.empty();
        }
        URI rebased = URI.create(twilio.apiBaseUrl().toString().replaceFirst("/$", "") + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String credentials = twilio.accountSid() + ":" + twilio.authToken();
        return java.util.Optional.of(new MediaFetcher.Source(rebased, java.util.Map.of("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    @Override
    public String send(OutboundMessage message) {
        if (message.from() == null) {
            throw new SendException(false, "no hotline address to send from");
        }
        PhoneNumber to = new PhoneNumber(message.to());
        PhoneNumber from = new PhoneNumber(message.from());
        MessageCreator creator;
        if (message.template()) {
            if (settings.whatsappReopenTemplate() == null || settings.whatsappReopenTemplate().isBlank()) {
                throw new SendException(false, "no WhatsApp template is configured (hotline.chat.whatsapp-reopen-template)");
            }
            creator = Message.creator(to, from, (String) null).setContentSid(settings.whatsappReopenTemplate());
        } else {
            creator = Message.creator(to, from, message.text());
        }
        try {
            return creator.setStatusCallback(statusCallback).create(client).getSid();
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status == null) {
                throw new SendException(true, "Twilio could not be reached: " + e.getMessage());
            }
            throw new SendException(status >= 500 || status == 429, "Twilio answered " + status
                    + (e.getCode() == null ? "" : " (error " + e.getCode() + ")") + ": " + e.getMessage());
        } catch (ApiConnectionException e) {
            throw new SendException(true, "Twilio could not be reached: " + e.getMessage());
        }
    }
}
