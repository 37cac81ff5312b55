package org.hotline.gateway.state;

import java.time.Duration;
import java.util.Optional;
import org.hotline.caseconnector.crypto.PiiCipher;

/** Sessions under their lock, encrypted as {@link EncryptingSessionStore} encrypts them, so either port reads what the other wrote. */
public final class EncryptingLockedSessions implements LockedSessions {

    private final LockedSessions delegate;
    private final PiiCipher cipher;

    public EncryptingLockedSessions(LockedSessions delegate, PiiCipher cipher) {
        this.delegate = delegate;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> putIfAbsent(String lock, String key, String value, Duration ttl) {
        String context = EncryptingSessionStore.context(key);
        return delegate.putIfAbsent(lock, key, cipher.encrypt(value, context), ttl).map(v -> cipher.decrypt(v, context));
    }

    @Override
    public Optional<Held> lockAndGet(String lock, String key, Duration lease, Duration wait) {
        String context = EncryptingSessionStore.context(key);
        return delegate.lockAndGet(lock, key, lease, wait).map(held -> new Held() {
            private final Optional<String> value = decrypted(held, context);

            @Override
            public Optional<String> value() {
                return value;
            }

            @Override
            public boolean putAndRelease(String newValue, Duration ttl) {
                return held.putAndRelease(cipher.encrypt(newValue, context), ttl);
            }

            @Override
            public void close() {
                held.close();
            }
        });
    }

    /** The value in plain text; a value that does not decrypt releases the lock before it is reported. */
    private Optional<String> decrypted(Held held, String context) {
        try {
            return held.value().map(v -> cipher.decrypt(v, context));
        } catch (RuntimeException unreadable) {
            held.close();
            throw unreadable;
        }
    }
}
