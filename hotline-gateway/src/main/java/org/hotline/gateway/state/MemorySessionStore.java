package org.hotline.gateway.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Sessions in this process's memory: the embedded default for a single instance. */
public final class MemorySessionStore implements SessionStore {

    private record Entry(String value, long expiresAtMillis) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger putsSinceSweep = new AtomicInteger();
    private final Clock clock;

    public MemorySessionStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtMillis() <= clock.millis()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, clock.millis() + ttl.toMillis()));
        if (putsSinceSweep.incrementAndGet() >= 1024) {
            putsSinceSweep.set(0);
            long now = clock.millis();
            entries.values().removeIf(e -> e.expiresAtMillis() <= now);
        }
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }
}
