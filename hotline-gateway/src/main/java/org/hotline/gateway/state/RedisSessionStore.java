package org.hotline.gateway.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

public final class RedisSessionStore implements SessionStore {

    private static final String PREFIX = "hotline:session:";
    private static final RedisScript<Long> PUT_ALL = RedisScript.of(
            "for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', ARGV[1]) end return #KEYS", Long.class);
    private final StringRedisTemplate redis;

    public RedisSessionStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.opsForValue().get(PREFIX + key));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        redis.opsForValue().set(PREFIX + key, value, ttl);
    }

    /**
     * One script, one round trip, on the shared connection (Spring Data Redis runs a pipeline on a
     * connection of its own, opened for it each time).
     */
    @Override
    public void putAll(Map<String, String> values, Duration ttl) {
        if (values.size() == 1) {
            values.forEach((key, value) -> put(key, value, ttl));
            return;
        }
        List<String> keys = new ArrayList<>(values.size());
        Object[] args = new Object[values.size() + 1];
        args[0] = String.valueOf(ttl.toMillis());
        int i = 1;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            keys.add(PREFIX + entry.getKey());
            args[i++] = entry.getValue();
        }
        redis.execute(PUT_ALL, keys, args);
    }

    @Override
    public void remove(String key) {
        redis.delete(PREFIX + key);
    }
}
