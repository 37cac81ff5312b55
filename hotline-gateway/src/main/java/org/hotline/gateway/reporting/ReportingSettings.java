package org.hotline.gateway.reporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param serviceLevel answered within this counts as answered in time (the wallboard's service level)
 * @param minCell      the smallest count the statistics show; fewer are shown as {@code <minCell}, never
 *                     less than 2 (a count of 1 is a person)
 */
@ConfigurationProperties("hotline.reporting")
public record ReportingSettings(@DefaultValue("30s") Duration serviceLevel, @DefaultValue("5") int minCell) {

    public ReportingSettings {
        if (minCell < 2) {
            throw new IllegalArgumentException("hotline.reporting.min-cell must be 2 or more: a count of 1 is one person");
        }
        if (serviceLevel.isNegative() || serviceLevel.isZero()) {
            throw new IllegalArgumentException("hotline.reporting.service-level must be more than 0");
        }
    }
}
