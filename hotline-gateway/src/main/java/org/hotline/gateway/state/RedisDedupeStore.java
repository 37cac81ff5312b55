package org.hotline.gateway.state;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

public final class RedisDedupeStore implements DedupeStore {

    /** Shared with {@link RedisLockedSessions}, which sets a mark with a lock. */
    static final String PREFIX = "hotline:seen:";
    private final StringRedisTemplate redis;

    public RedisDedupeStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public boolean markFirst(String key, Duration ttl) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(PREFIX + key, "1", ttl));
    }

    @Override
    public void unmark(String key) {
        redis.delete(PREFIX + key);
    }
}
