package org.hotline.gateway.calllog;

import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.state.StreamStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CallLogConfiguration {
    @Bean
    ReturningContacts returningContacts(SessionStore store, PiiCipher cipher, org.hotline.gateway.security.PrivacySettings privacy) {
        return new ReturningContacts(store, cipher, privacy.returningContactsRetention());
    }

    @Bean
    CallLog callLog(StreamStore streams, JsonMapper json, ApplicationEventPublisher publisher) {
        return new CallLog(streams, json, publisher);
    }
}
