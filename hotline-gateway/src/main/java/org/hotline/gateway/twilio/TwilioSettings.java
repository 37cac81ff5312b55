package org.hotline.gateway.twilio;

import com.twilio.twiml.voice.Say;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio: credentials from the environment, the REST base URL (Twilio's, or a Twilio-compatible
 * platform such as Somleng, or a fake in staging), the number officers see when called, where a
 * broken call is sent, and how each language is spoken.
 *
 * @param speech per language: {@code say} with a Twilio language and voice, or {@code play} of
 *               recorded or rendered audio (for languages Twilio's text-to-speech lacks)
 */
@ConfigurationProperties("hotline.twilio")
public record TwilioSettings(String accountSid, String authToken, @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
                             String callerId, String fallbackNumber, Map<String, Speech> speech,
                             @DefaultValue("false") boolean deleteRecordingsAfterDelivery) {

    public TwilioSettings {
        speech = speech == null ? Map.of() : Map.copyOf(speech);
    }

    public boolean configured() {
        return authToken != null && !authToken.isBlank();
    }

    public record Speech(Say.Language language, Say.Voice voice, @DefaultValue("false") boolean play) {}
}
