package org.hotline.gateway.callscreen;

import java.time.Clock;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CallScreenConfiguration {

    @Bean
    CallScreens callScreens(SessionStore store, LockManager locks, CallLog callLog, org.springframework.context.ApplicationEventPublisher events, JsonMapper json,
                            HotlineDirectory directory, Clock clock) {
        return new CallScreens(store, locks, callLog, events, json, directory.config().routing().wrapUp(), clock);
    }
}
