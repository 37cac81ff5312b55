package org.hotline.gateway.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

@Component
@ConfigurationPropertiesBinding
class DailyHoursConverter implements Converter<String, DailyHours> {
    @Override
    public DailyHours convert(String source) {
        return DailyHours.parse(source);
    }
}
