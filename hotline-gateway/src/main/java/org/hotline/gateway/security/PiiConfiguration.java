package org.hotline.gateway.security;

import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.StateSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PiiConfiguration {

    @Bean
    PiiCipher piiCipher(PiiSettings pii, StateSettings state) {
        return PiiKeyProvider.cipher(pii, state);
    }
}
