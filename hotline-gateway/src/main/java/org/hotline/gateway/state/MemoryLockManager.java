package org.hotline.gateway.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

public final class MemoryLockManager implements LockManager {

    private record Holder(String token, long expiresAtMillis) {}

    private final ConcurrentHashMap<String, Holder> holders = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryLockManager(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<HeldLock> tryLock(String name, Duration lease, Duration wait) {
        String token = LockTokens.next();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long now = clock.millis();
            Holder mine = new Holder(token, now + lease.toMillis());
            Holder result = holders.compute(name, (k, current) ->
                    current == null || current.expiresAtMillis() <= now ? mine : current);
            if (result == mine) {
                return Optional.of(() -> holders.remove(name, mine));
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
