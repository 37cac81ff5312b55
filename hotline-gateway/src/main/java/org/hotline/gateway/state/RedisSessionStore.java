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
    /** KEYS: the values' keys; ARGV: ttl ms, then the values in the keys' order. */
    private static final RedisScript<Long> PUT_ALL = RedisScript.of("""
            for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', ARGV[1]) end
            return #KEYS""", Long.class);
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

    /** Several values in one round trip: one script, so they are written together. */
    @Override
    public void putAll(Map<String, String> values, Duration ttl) {
        List<String> keys = new ArrayList<>(values.size());
        List<String> args = new ArrayList<>(values.size() + 1);
        args.add(String.valueOf(ttl.toMillis()));
        values.forEach((key, value) -> {
            keys.add(PREFIX + key);
            args.add(value);
        });
        redis.execute(PUT_ALL, keys, args.toArray());
    }

    @Override
    public void remove(String key) {
        redis.delete(PREFIX + key);
    }
}
