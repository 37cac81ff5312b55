package org.hotline.gateway.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Call and chat sessions between webhooks. Values are opaque text (the caller encrypts nothing:
 * the wiring wraps every implementation in {@link EncryptingSessionStore}); keys must never carry
 * personal data (use a provider id or {@code PiiCipher.lookupHash}).
 */
public interface SessionStore {

    Optional<String> get(String key);

    /** Stores or replaces the value; it disappears {@code ttl} after the last put. */
    void put(String key, String value, Duration ttl);

    void remove(String key);
}
