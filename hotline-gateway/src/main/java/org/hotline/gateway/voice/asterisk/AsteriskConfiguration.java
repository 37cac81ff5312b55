package org.hotline.gateway.voice.asterisk;

import java.time.Clock;
import java.util.Map;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.scripts.PromptRenderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AsteriskSettings.class)
@ConditionalOnBooleanProperty("hotline.asterisk.agi.enabled")
class AsteriskConfiguration {

    @Bean
    HotlineAgiScript hotlineAgiScript(ContactRunner contacts, PromptRenderer prompts, AsteriskSettings settings, HotlineDirectory directory,
                                      io.micrometer.core.instrument.MeterRegistry metrics, Clock clock) {
        return new HotlineAgiScript(contacts, prompts, settings, directory.config().routing().maxQueueWait(),
                directory.config().holidays().country(), metrics, clock);
    }

    @Bean
    AsteriskRecordingsHealthIndicator asteriskRecordingsHealthIndicator(AsteriskSettings settings) {
        return new AsteriskRecordingsHealthIndicator(settings.recordings());
    }

    @Bean
    FastAgiServer fastAgiServer(AsteriskSettings settings, HotlineAgiScript hotline, io.micrometer.core.instrument.MeterRegistry metrics) {
        return new FastAgiServer(settings.agi(), Map.of("hotline", hotline), metrics);
    }
}
