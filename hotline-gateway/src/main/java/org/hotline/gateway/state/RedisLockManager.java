package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** SET NX PX with a random token; released only by the holder of the token (compare-and-delete in Lua). */
public final class RedisLockManager implements LockManager {

    private static final String PREFIX = "hotline:lock:";
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;

    public RedisLockManager(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Optional<HeldLock> tryLock(String name, Duration lease, Duration wait) {
        String key = PREFIX + name;
        String token = LockTokens.next();
        long deadline = System.nanoTime() + wait.toNanos();
        long backoffNanos = 200_000;
        while (true) {
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, lease))) {
                return Optional.of(() -> redis.execute(RELEASE, List.of(key), token));
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            LockSupport.parkNanos(backoffNanos);
            backoffNanos = Math.min(backoffNanos * 2, 5_000_000);
        }
    }
}
