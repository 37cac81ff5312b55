package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link LockedSessions} on Redis, one script each way, under the same keys as
 * {@link RedisLockManager} and {@link RedisSessionStore}: the lock is {@code SET NX PX} with a random
 * token, and the write happens only while that token still holds the lock.
 */
public final class RedisLockedSessions implements LockedSessions {

    private static final String LOCK_PREFIX = "hotline:lock:";
    private static final String SESSION_PREFIX = "hotline:session:";
    /** KEYS: lock, session; ARGV: token, lease ms. Returns {1, value or false} when locked, {0} when not. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOCK_AND_GET = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return {1, redis.call('GET', KEYS[2])}
            end
            return {0}""", List.class);
    /** KEYS: lock, session; ARGV: token, value, ttl ms. */
    private static final RedisScript<Long> PUT_AND_RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0""", Long.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;

    public RedisLockedSessions(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Optional<String> putIfAbsent(String lock, String key, String value, Duration ttl) {
        byte[] sessionKey = (SESSION_PREFIX + key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] there = redis.execute(connection -> connection.stringCommands().setGet(sessionKey,
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8), org.springframework.data.redis.core.types.Expiration.from(ttl),
                org.springframework.data.redis.connection.RedisStringCommands.SetOption.SET_IF_ABSENT), true);
        return Optional.ofNullable(there).map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Held> lockAndGet(String lock, String key, Duration lease, Duration wait) {
        List<String> keys = List.of(LOCK_PREFIX + lock, SESSION_PREFIX + key);
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        long backoffNanos = 200_000;
        while (true) {
            List<?> answer = redis.execute(LOCK_AND_GET, keys, token, String.valueOf(lease.toMillis()));
            if (answer != null && !answer.isEmpty() && Long.valueOf(1).equals(answer.getFirst())) {
                Object stored = answer.size() > 1 ? answer.get(1) : null;
                return Optional.of(held(keys, token, stored instanceof String text ? Optional.of(text) : Optional.empty()));
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            LockSupport.parkNanos(backoffNanos);
            backoffNanos = Math.min(backoffNanos * 2, 5_000_000);
        }
    }

    private Held held(List<String> keys, String token, Optional<String> value) {
        return new Held() {
            private boolean released;

            @Override
            public Optional<String> value() {
                return value;
            }

            @Override
            public boolean putAndRelease(String newValue, Duration ttl) {
                released = true;
                Long done = redis.execute(PUT_AND_RELEASE, keys, token, newValue, String.valueOf(ttl.toMillis()));
                return Long.valueOf(1).equals(done);
            }

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    redis.execute(RELEASE, List.of(keys.getFirst()), token);
                }
            }
        };
    }
}
