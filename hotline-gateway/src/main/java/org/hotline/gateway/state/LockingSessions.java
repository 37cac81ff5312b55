package org.hotline.gateway.state;

import java.time.Duration;
import java.util.Optional;

/** {@link LockedSessions} from a lock manager and a session store, for stores without scripts (the embedded default). */
public final class LockingSessions implements LockedSessions {

    private final SessionStore store;
    private final LockManager locks;

    public LockingSessions(SessionStore store, LockManager locks) {
        this.store = store;
        this.locks = locks;
    }

    @Override
    public Optional<String> putIfAbsent(String lock, String key, String value, Duration ttl) {
        try (var held = lockAndGet(lock, key, Duration.ofSeconds(10), Duration.ofSeconds(8))
                .orElseThrow(() -> new IllegalStateException("the session's lock was not free"))) {
            if (held.value().isPresent()) {
                return held.value();
            }
            held.putAndRelease(value, ttl);
            return Optional.empty();
        }
    }

    @Override
    public Optional<Held> lockAndGet(String lock, String key, Duration lease, Duration wait) {
        Optional<LockManager.HeldLock> taken = locks.tryLock(lock, lease, wait);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> stored;
        try {
            stored = store.get(key);
        } catch (RuntimeException storeDown) {
            // a read that failed must not leave the lock held until its lease runs out
            taken.get().close();
            throw storeDown;
        }
        LockManager.HeldLock held = taken.get();
        return Optional.of(new Held() {
            private final Optional<String> value = stored;
            private boolean released;

            @Override
            public Optional<String> value() {
                return value;
            }

            @Override
            public boolean putAndRelease(String newValue, Duration ttl) {
                store.put(key, newValue, ttl);
                close();
                return true;
            }

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    held.close();
                }
            }
        });
    }
}
