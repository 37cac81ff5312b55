package org.hotline.gateway.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The configuration feature alone: binds and checks hotline.yaml. Tools import it without the service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HotlineConfig.class)
@Import({ConfigConfiguration.class, DailyHoursConverter.class})
public class ConfigModule {}
