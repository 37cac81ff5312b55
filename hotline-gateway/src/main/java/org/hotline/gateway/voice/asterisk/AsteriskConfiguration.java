package org.hotline.gateway.voice.asterisk;

import java.time.Clock;
import java.util.Map;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.ReferralOutbox;
import org.hotline.gateway.calllog.ReturningContacts;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.routing.TeamHours;
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
    HotlineAgiScript hotlineAgiScript(FlowLibrary library, PromptRenderer prompts, TeamHours hours, ReturningContacts returning,
                                      ReferralOutbox outbox, CallLog callLog, AsteriskSettings settings, HotlineDirectory directory,
                                      ObjectProvider<TalkTimes> talkTimes, Clock clock) {
        return new HotlineAgiScript(library.flow("hotline").orElseThrow(() -> new IllegalStateException("no flow 'hotline' in ivr-scripts")),
                prompts, hours, returning, outbox, callLog, settings, directory.config().routing().maxQueueWait(),
                directory.config().holidays().country(), talkTimes.getIfAvailable(), clock);
    }

    @Bean
    FastAgiServer fastAgiServer(AsteriskSettings settings, HotlineAgiScript hotline, io.micrometer.core.instrument.MeterRegistry metrics) {
        return new FastAgiServer(settings.agi(), Map.of("hotline", hotline), metrics);
    }
}
