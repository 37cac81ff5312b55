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
                                      org.springframework.beans.factory.ObjectProvider<AsteriskInterpreterLine> interpreterLine,
                                      io.micrometer.core.instrument.MeterRegistry metrics, Clock clock) {
        return new HotlineAgiScript(contacts, prompts, settings, directory.config().routing().maxQueueWait(),
                directory.config().holidays().country(), interpreterLine::getIfAvailable, metrics, clock);
    }

    @Bean
    InterpreterAgiScript interpreterAgiScript(org.hotline.gateway.interpreter.InterpreterCalls interpreters, PromptRenderer prompts,
                                              AsteriskSettings settings, ContactRunner contacts) {
        return new InterpreterAgiScript(interpreters, prompts, settings, contacts.flow().defaultLanguage());
    }

    @Bean
    AsteriskRecordingsHealthIndicator asteriskRecordingsHealthIndicator(AsteriskSettings settings) {
        return new AsteriskRecordingsHealthIndicator(settings.recordings());
    }

    @Bean
    FastAgiServer fastAgiServer(AsteriskSettings settings, HotlineAgiScript hotline, InterpreterAgiScript interpreter,
                                io.micrometer.core.instrument.MeterRegistry metrics) {
        return new FastAgiServer(settings.agi(), Map.of("hotline", hotline, "hotline-interpreter", interpreter), metrics);
    }
}
