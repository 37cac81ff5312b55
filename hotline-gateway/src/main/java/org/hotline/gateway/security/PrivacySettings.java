package org.hotline.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway remembers that a number or messenger id contacted it.
 *
 * @param returningContactsRetention how long the language a contact last chose is kept (for flows
 *                                   that offer it first, and the {@code returning} branch); 0 keeps
 *                                   nothing
 */
@ConfigurationProperties("hotline.privacy")
public record PrivacySettings(@DefaultValue("30d") Duration returningContactsRetention) {

    public PrivacySettings {
        if (returningContactsRetention.isNegative()) {
            throw new IllegalArgumentException("hotline.privacy.returning-contacts-retention must be 0 or more");
        }
    }
}
