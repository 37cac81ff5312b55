package org.hotline.gateway.chat.twilio;

import com.twilio.http.TwilioRestClient;
import org.hotline.gateway.chat.ChatSettings;
import org.hotline.gateway.twilio.TwilioSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** WhatsApp and SMS through Twilio Messaging: the provider's registration. */
@Configuration(proxyBeanMethods = false)
class TwilioMessagingConfiguration {

    @Bean
    TwilioMessagingClient twilioMessagingClient(TwilioRestClient client, ChatSettings settings, TwilioSettings twilio,
                                                @Value("${hotline.public-base-url}") String publicBaseUrl) {
        return new TwilioMessagingClient(client, settings, twilio, publicBaseUrl);
    }
}
