package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwilioSettings;
import com.twilio.http.TwilioRestClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.interpreter.InterpreterCalls;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.state.SessionStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TwilioVoiceConfiguration {

    @Bean
    TwimlRenderer twimlRenderer(PromptRenderer prompts, TwilioSettings settings, @Value("${hotline.public-base-url}") String publicBaseUrl,
                                HotlineDirectory directory, org.hotline.gateway.scripts.ScriptsSettings scripts) {
        SpeechCheck.warn(directory, settings, scripts.dir());
        return new TwimlRenderer(prompts, settings, publicBaseUrl);
    }

    @Bean
    CallSessions callSessions(org.hotline.gateway.state.LockedSessions sessions, JsonMapper json) {
        return new CallSessions(sessions, json);
    }

    @Bean
    TwilioCallService twilioCallService(ContactRunner contacts, CallSessions calls, RoutingService routing, HotlineDirectory directory,
                                        TwimlRenderer twiml, InterpreterCalls interpreters, Clock clock) {
        return new TwilioCallService(contacts, calls, routing, directory, twiml, interpreters, clock);
    }

    @Bean
    TwilioInterpreterLine twilioInterpreterLine(TwilioRestClient client, TwilioSettings settings, SessionStore store,
                                                @Value("${hotline.public-base-url}") String publicBaseUrl) {
        return new TwilioInterpreterLine(client, settings, store, publicBaseUrl);
    }

    @Bean
    TwilioInterpreterLeg twilioInterpreterLeg(InterpreterCalls interpreters, ContactRunner contacts, PromptRenderer prompts,
                                              TwimlRenderer twiml) {
        return new TwilioInterpreterLeg(interpreters, prompts, twiml, contacts.flow().defaultLanguage());
    }

    @Bean
    TwilioOfficerLeg twilioOfficerLeg(CallSessions calls, ContactRunner contacts, HotlineDirectory directory, RoutingService routing,
                                      TwimlRenderer twiml, SessionStore store, Clock clock) {
        return new TwilioOfficerLeg(calls, contacts.flow(), directory, routing, twiml, store, clock);
    }

    @Bean
    TwilioVoiceController twilioVoiceController(TwilioCallService calls, TwilioOfficerLeg officers, TwilioInterpreterLeg interpreters,
                                                PromptRenderer prompts, TwimlRenderer twiml, TwilioSettings settings,
                                                HotlineDirectory directory, ContactRunner contacts) {
        String fallback = settings.fallbackNumber() != null ? settings.fallbackNumber()
                : directory.team("counter-trafficking").flatMap(t -> t.overflowNumbers().stream().findFirst())
                        .orElse(directory.teams().stream().flatMap(t -> t.overflowNumbers().stream()).findFirst().orElse(null));
        return new TwilioVoiceController(calls, officers, interpreters, prompts, twiml, fallback, contacts.flow().defaultLanguage());
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
