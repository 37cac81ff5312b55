package org.hotline.gateway.chat.viber;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Viber: the provider's registration. */
@Configuration(proxyBeanMethods = false)
class ViberConfiguration {

    @Bean
    ViberClient viberClient(ViberSettings settings, JsonMapper json) {
        return new ViberClient(settings, json);
    }
}
