package org.hotline.gateway.state;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hotline.caseconnector.crypto.PiiCipher;

/** Sessions hold caller numbers and answers: they are stored encrypted, whatever the store, each value sealed to its key. */
public final class EncryptingSessionStore implements SessionStore {

    private final SessionStore delegate;
    private final PiiCipher cipher;

    public EncryptingSessionStore(SessionStore delegate, PiiCipher cipher) {
        this.delegate = delegate;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> get(String key) {
        return delegate.get(key).map(value -> cipher.decrypt(value, context(key)));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        delegate.put(key, cipher.encrypt(value, context(key)), ttl);
    }

    @Override
    public void putAll(Map<String, String> values, Duration ttl) {
        Map<String, String> encrypted = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> encrypted.put(key, cipher.encrypt(value, context(key))));
        delegate.putAll(encrypted, ttl);
    }

    static String context(String key) {
        return "session:" + key;
    }

    @Override
    public void remove(String key) {
        delegate.remove(key);
    }
}
