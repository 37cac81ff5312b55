package org.hotline.gateway.state;

import java.time.Duration;
import java.util.Map;
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

    /** Stores several values at once (in one round trip where the store can); each disappears {@code ttl} after its put. */
    default void putAll(Map<String, String> values, Duration ttl) {
        values.forEach((key, value) -> put(key, value, ttl));
    }

    void remove(String key);
}
