package org.hotline.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

@Configuration(proxyBeanMethods = false)
class ConfigConfiguration {

    @Bean
    HotlineDirectory hotlineDirectory(HotlineConfig config, ConfigurableEnvironment environment) {
        return HotlineDirectory.checked(config, environment);
    }
}
