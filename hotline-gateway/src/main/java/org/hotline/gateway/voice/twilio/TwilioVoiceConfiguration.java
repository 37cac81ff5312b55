package org.hotline.gateway.voice.twilio;

import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioSettings.class)
class TwilioVoiceConfiguration {

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

    @Bean
    TwilioRestClient twilioRestClient(TwilioSettings settings) {
        String sid = settings.accountSid() == null || settings.accountSid().isBlank() ? "AC-not-configured" : settings.accountSid();
        String token = settings.configured() ? settings.authToken() : "not-configured";
        return new TwilioRestClient.Builder(sid, token).httpClient(new RebasingHttpClient(settings.apiBaseUrl())).build();
    }

    @Bean
    TwimlRenderer twimlRenderer(PromptRenderer prompts, TwilioSettings settings, @Value("${hotline.public-base-url}") String publicBaseUrl,
                                HotlineDirectory directory, org.hotline.gateway.scripts.ScriptsSettings scripts) {
        SpeechCheck.warn(directory, settings, scripts.dir());
        return new TwimlRenderer(prompts, settings, publicBaseUrl);
    }

    @Bean
    VoiceCalls voiceCalls(ContactRunner contacts, SessionStore store, LockManager locks, JsonMapper json, RoutingService routing,
                          HotlineDirectory directory, TwimlRenderer twiml, Clock clock) {
        return new VoiceCalls(contacts, store, locks, json, routing, directory, twiml, clock);
    }

    @Bean
    TwilioVoiceController twilioVoiceController(VoiceCalls calls, PromptRenderer prompts, TwimlRenderer twiml, TwilioSettings settings,
                                                HotlineDirectory directory, ContactRunner contacts) {
        String fallback = settings.fallbackNumber() != null ? settings.fallbackNumber()
                : directory.team("counter-trafficking").flatMap(t -> t.overflowNumbers().stream().findFirst())
                        .orElse(directory.teams().stream().flatMap(t -> t.overflowNumbers().stream()).findFirst().orElse(null));
        return new TwilioVoiceController(calls, prompts, twiml, fallback, contacts.flow().defaultLanguage());
    }

    @Bean
    RecordingJanitor recordingJanitor(TwilioRestClient client, TwilioSettings settings) {
        return new RecordingJanitor(client, settings);
    }

    @Bean(destroyMethod = "close")
    ExecutorService twilioDialerExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    OfficerDialer officerDialer(TwilioRestClient client, TwilioSettings settings, HotlineDirectory directory, RoutingService routing,
                                SessionStore store, @Value("${hotline.public-base-url}") String publicBaseUrl,
                                ExecutorService twilioDialerExecutor) {
        return new OfficerDialer(client, settings, directory, routing, store, publicBaseUrl, twilioDialerExecutor);
    }
}
