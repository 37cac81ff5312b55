package org.hotline.gateway.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.gateway.state.SessionStore;

/**
 * The gateway's session store, which a test can break in the middle of a call or conversation:
 * while {@code broken} is set every operation fails as an unreachable store would.
 */
public record BreakableSessionStore(SessionStore real, AtomicBoolean broken) implements SessionStore {

    /** Wraps the application's own store (the one among {@code stores} that is not this wrapper). */
    public static SessionStore around(List<SessionStore> stores, AtomicBoolean broken) {
        return new BreakableSessionStore(stores.stream().filter(s -> !(s instanceof BreakableSessionStore)).findFirst().orElseThrow(),
                broken);
    }

    @Override
    public Optional<String> get(String key) {
        check();
        return real.get(key);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        check();
        real.put(key, value, ttl);
    }

    @Override
    public void remove(String key) {
        check();
        real.remove(key);
    }

    private void check() {
        if (broken.get()) {
            throw new IllegalStateException("the state store is down (test)");
        }
    }
}
