package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;
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
    public Optional<Held> lockAndGet(String lock, List<String> keys, Duration lease, Duration wait) {
        return delegate.lockAndGet(lock, keys, lease, wait).map(held -> decrypting(held, keys));
    }

    @Override
    public Optional<FirstSighting> lockAndGetIfFirst(String lock, List<String> keys, String seen, Duration keep, Duration lease,
                                                     Duration wait) {
        return delegate.lockAndGetIfFirst(lock, keys, seen, keep, lease, wait)
                .map(sighting -> sighting.seenBefore() ? sighting : new FirstSighting(decrypting(sighting.held(), keys)));
    }

    private Held decrypting(Held held, List<String> keys) {
        return new Held() {
            private final List<Optional<String>> values = decrypted(held, keys);

            @Override
            public List<Optional<String>> values() {
                return values;
            }

            @Override
            public boolean putAndRelease(String newValue, Duration ttl) {
                return held.putAndRelease(cipher.encrypt(newValue, EncryptingSessionStore.context(keys.getFirst())), ttl);
            }

            @Override
            public boolean write(StateWrite write) {
                return held.write(encrypted(write));
            }

            @Override
            public boolean writeAndRelease(StateWrite write) {
                return held.writeAndRelease(encrypted(write));
            }

            @Override
            public void close() {
                held.close();
            }
        };
    }

    /** Values sealed to their keys and stream entries to their stream and type, as the two stores seal them. */
    private StateWrite encrypted(StateWrite write) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        write.values().forEach((key, value) -> values.put(key, cipher.encrypt(value, EncryptingSessionStore.context(key))));
        List<StateWrite.Append> appends = write.appends().stream()
                .map(a -> new StateWrite.Append(a.stream(), a.type(), cipher.encrypt(a.payload(), PiiCipher.streamContext(a.stream(), a.type()))))
                .toList();
        return new StateWrite(values, write.ttl(), write.removals(), appends);
    }

    /** The values in plain text; a value that does not decrypt releases the lock before it is reported. */
    private List<Optional<String>> decrypted(Held held, List<String> keys) {
        try {
            List<Optional<String>> values = new java.util.ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                String context = EncryptingSessionStore.context(keys.get(i));
                values.add(held.values().get(i).map(v -> cipher.decrypt(v, context)));
            }
            return values;
        } catch (RuntimeException unreadable) {
            held.close();
            throw unreadable;
        }
    }
}
