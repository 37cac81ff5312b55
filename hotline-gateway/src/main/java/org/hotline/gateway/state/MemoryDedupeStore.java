package org.hotline.gateway.state;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

public final class MemoryDedupeStore implements DedupeStore {

    private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();
    private final AtomicInteger marksSinceSweep = new AtomicInteger();
    private final Clock clock;

    public MemoryDedupeStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean markFirst(String key, Duration ttl) {
        long now = clock.millis();
        AtomicBoolean first = new AtomicBoolean(false);
        expiries.compute(key, (k, expiresAt) -> {
            if (expiresAt == null || expiresAt <= now) {
                first.set(true);
                return now + ttl.toMillis();
            }
            return expiresAt;
        });
        if (marksSinceSweep.incrementAndGet() >= 4096) {
            marksSinceSweep.set(0);
            expiries.values().removeIf(e -> e <= now);
        }
        return first.get();
    }

    @Override
    public void unmark(String key) {
        expiries.remove(key);
    }
}
