package org.hotline.gateway.interpreter;

import java.time.Clock;
import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class InterpreterConfiguration {

    @Bean
    InterpreterCalls interpreterCalls(SessionStore store, LockManager locks, HotlineDirectory directory, ObjectProvider<InterpreterLine> lines,
                                      ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        return new InterpreterCalls(store, locks, directory, lines.orderedStream().toList(), events, json, clock);
    }

    @Bean
    InterpreterRequests interpreterRequests(InterpreterCalls calls, CallScreens screens, HotlineDirectory directory, AuditTrail audit) {
        return new InterpreterRequests(calls, screens, directory, audit);
    }
}
