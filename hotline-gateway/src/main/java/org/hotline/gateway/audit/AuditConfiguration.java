package org.hotline.gateway.audit;

import java.time.Clock;
import org.hotline.gateway.state.StreamStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(StreamStore streams, JsonMapper json, Clock clock) {
        return new AuditTrail(streams, json, clock);
    }
}
