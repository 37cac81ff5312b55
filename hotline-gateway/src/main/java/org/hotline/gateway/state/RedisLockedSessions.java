package org.hotline.gateway.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link LockedSessions} on Redis, one script each way, under the same keys as
 * {@link RedisLockManager}, {@link RedisSessionStore} and {@link RedisStreamStore}: the lock is
 * {@code SET NX PX} with a random token, and the write happens only while that token still holds the
 * lock.
 */
public final class RedisLockedSessions implements LockedSessions {

    private static final String LOCK_PREFIX = "hotline:lock:";
    private static final String SESSION_PREFIX = "hotline:session:";
    /** KEYS: lock, then the values'; ARGV: token, lease ms. Returns {1, value or false, ...} when locked, {0} when not. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOCK_AND_GET = RedisScript.of("""
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              local values = {1}
              for i = 2, #KEYS do values[i] = redis.call('GET', KEYS[i]) end
              return values
            end
            return {0}""", List.class);
    /**
     * KEYS: lock, the event's mark, then the values'; ARGV: token, lease ms, the mark's ttl ms.
     * Returns {2} when the event was marked already (no lock taken), {0} when the lock is busy (no
     * mark set), {1, value or false, ...} when the lock was taken and the event marked.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOCK_AND_GET_IF_FIRST = RedisScript.of("""
            if redis.call('EXISTS', KEYS[2]) == 1 then return {2} end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
              local values = {1}
              for i = 3, #KEYS do values[i - 1] = redis.call('GET', KEYS[i]) end
              return values
            end
            return {0}""", List.class);
    private static final Long TAKEN = 1L;
    private static final Long SEEN_BEFORE = 2L;
    /**
     * KEYS: lock, the values' keys, the removals, the appends' streams; ARGV: token, release (1 or
     * 0), ttl ms, how many values, how many removals, the values, then type and payload per append.
     * Nothing is written unless the token still holds the lock.
     */
    private static final RedisScript<Long> WRITE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            local values, removals = tonumber(ARGV[4]), tonumber(ARGV[5])
            for i = 1, values do redis.call('SET', KEYS[1 + i], ARGV[5 + i], 'PX', ARGV[3]) end
            for i = 1, removals do redis.call('DEL', KEYS[1 + values + i]) end
            local a = 5 + values
            for i = 2 + values + removals, #KEYS do
              redis.call('XADD', KEYS[i], '*', 'type', ARGV[a + 1], 'payload', ARGV[a + 2])
              a = a + 2
            end
            if ARGV[2] == '1' then redis.call('DEL', KEYS[1]) end
            return 1""", Long.class);
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
    public Optional<Held> lockAndGet(String lock, List<String> keys, Duration lease, Duration wait) {
        List<String> scriptKeys = new ArrayList<>(keys.size() + 1);
        scriptKeys.add(LOCK_PREFIX + lock);
        keys.forEach(key -> scriptKeys.add(SESSION_PREFIX + key));
        String token = LockTokens.next();
        return untilFree(LOCK_AND_GET, scriptKeys, wait, token, String.valueOf(lease.toMillis()))
                .map(answer -> held(scriptKeys.getFirst(), keys.getFirst(), token, values(answer, keys.size())));
    }

    @Override
    public Optional<FirstSighting> lockAndGetIfFirst(String lock, List<String> keys, String seen, Duration keep, Duration lease,
                                                     Duration wait) {
        List<String> scriptKeys = new ArrayList<>(keys.size() + 2);
        scriptKeys.add(LOCK_PREFIX + lock);
        scriptKeys.add(RedisDedupeStore.PREFIX + seen);
        keys.forEach(key -> scriptKeys.add(SESSION_PREFIX + key));
        String token = LockTokens.next();
        return untilFree(LOCK_AND_GET_IF_FIRST, scriptKeys, wait, token, String.valueOf(lease.toMillis()), String.valueOf(keep.toMillis()))
                .map(answer -> SEEN_BEFORE.equals(answer.getFirst()) ? FirstSighting.SEEN_BEFORE
                        : new FirstSighting(held(scriptKeys.getFirst(), keys.getFirst(), token, values(answer, keys.size()))));
    }

    /** Runs the script until it answers other than busy ({0}), waiting up to {@code wait} with a growing pause; empty if it never did. */
    @SuppressWarnings("rawtypes")
    private Optional<List<?>> untilFree(RedisScript<List> script, List<String> keys, Duration wait, Object... args) {
        long deadline = System.nanoTime() + wait.toNanos();
        long backoffNanos = 200_000;
        while (true) {
            List<?> answer = redis.execute(script, keys, args);
            if (answer != null && !answer.isEmpty() && (TAKEN.equals(answer.getFirst()) || SEEN_BEFORE.equals(answer.getFirst()))) {
                return Optional.of(answer);
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            LockSupport.parkNanos(backoffNanos);
            backoffNanos = Math.min(backoffNanos * 2, 5_000_000);
        }
    }

    /** The values after the script's first element, one per key (Redis answers false for a missing one). */
    private static List<Optional<String>> values(List<?> answer, int count) {
        List<Optional<String>> values = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Object stored = i < answer.size() ? answer.get(i) : null;
            values.add(stored instanceof String text ? Optional.of(text) : Optional.empty());
        }
        return values;
    }

    private Held held(String lockKey, String firstKey, String token, List<Optional<String>> values) {
        return new Held() {
            private boolean released;

            @Override
            public List<Optional<String>> values() {
                return values;
            }

            @Override
            public boolean putAndRelease(String newValue, Duration ttl) {
                return writeAndRelease(StateWrite.put(firstKey, newValue, ttl));
            }

            @Override
            public boolean write(StateWrite write) {
                return run(write, false);
            }

            @Override
            public boolean writeAndRelease(StateWrite write) {
                released = true;
                return run(write, true);
            }

            private boolean run(StateWrite write, boolean release) {
                List<String> keys = new ArrayList<>(1 + write.values().size() + write.removals().size() + write.appends().size());
                List<String> args = new ArrayList<>(5 + write.values().size() + 2 * write.appends().size());
                keys.add(lockKey);
                args.add(token);
                args.add(release ? "1" : "0");
                args.add(String.valueOf(write.ttl().toMillis()));
                args.add(String.valueOf(write.values().size()));
                args.add(String.valueOf(write.removals().size()));
                write.values().forEach((key, value) -> {
                    keys.add(SESSION_PREFIX + key);
                    args.add(value);
                });
                write.removals().forEach(key -> keys.add(SESSION_PREFIX + key));
                for (StateWrite.Append append : write.appends()) {
                    keys.add(RedisStreamStore.PREFIX + append.stream());
                    args.add(append.type());
                    args.add(append.payload());
                }
                Long done = redis.execute(WRITE, keys, args.toArray());
                return Long.valueOf(1).equals(done);
            }

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    redis.execute(RELEASE, List.of(lockKey), token);
                }
            }
        };
    }
}
