package org.hotline.gateway.chat.viber;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Viber bot: its auth token (from {@code VIBER_AUTH_TOKEN}; without it the webhook answers 503
 * and nothing is sent), the REST API's base URL (Viber's, or a fake in staging), and the name and
 * avatar the hotline's messages carry.
 */
@ConfigurationProperties("hotline.viber")
public record ViberSettings(String authToken, @DefaultValue("https://chatapi.viber.com/pa") URI apiBaseUrl,
                            @DefaultValue("Hotline") String senderName, String senderAvatar,
                            @DefaultValue("10s") Duration timeout) {

    public ViberSettings {
        if (senderName.length() > 28) {
            throw new IllegalArgumentException("hotline.viber.sender-name: Viber allows at most 28 characters, not " + senderName.length());
        }
    }

    public boolean configured() {
        return authToken != null && !authToken.isBlank();
    }
}
