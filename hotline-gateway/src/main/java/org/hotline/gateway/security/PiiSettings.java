package org.hotline.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code key}: Base64 of 32 random bytes, from {@code HOTLINE_PII_KEY}; empty means "not set". */
@ConfigurationProperties("hotline.pii")
public record PiiSettings(String key) {
    public boolean hasKey() {
        return key != null && !key.isBlank();
    }
}
