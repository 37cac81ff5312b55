package org.hotline.gateway.twilio;

import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Twilio, as Voice and Messaging both use it: its settings, the signature check on its webhooks, its REST client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioSettings.class)
class TwilioConfiguration {

    @Bean
    FilterRegistrationBean<TwilioSignatureFilter> twilioSignatureFilter(TwilioSettings settings,
            @Value("${hotline.public-base-url}") String publicBaseUrl, MeterRegistry metrics) {
        var registration = new FilterRegistrationBean<>(new TwilioSignatureFilter(settings, publicBaseUrl, metrics));
        // every path: the filter itself decides on the routed path, however the URL spells it
        registration.addUrlPatterns("/*");
        // before security and everything that could read the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The SDK's client, pointed at {@code hotline.twilio.api-base-url} (a Twilio-compatible platform or a fake). */
    @Bean
    TwilioRestClient twilioRestClient(TwilioSettings settings) {
        String sid = settings.accountSid() == null || settings.accountSid().isBlank() ? "AC-not-configured" : settings.accountSid();
        String token = settings.configured() ? settings.authToken() : "not-configured";
        return new TwilioRestClient.Builder(sid, token).httpClient(new RebasingHttpClient(settings.apiBaseUrl())).build();
    }
}
