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
    public Optional<Held> lockAndGet(String lock, String key, Duration lease, Duration wait) {
        return locks.tryLock(lock, lease, wait).map(held -> new Held() {
            private final Optional<String> value = store.get(key);
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
