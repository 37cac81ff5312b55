package org.hotline.gateway.state;

import java.time.Duration;

import org.hotline.gateway.testing.TestRedis;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestRedis.class)
class RedisStateStoreTest extends StateStoreContract {

    @Override SessionStore sessions() { return new RedisSessionStore(TestRedis.template()); }
    @Override DedupeStore dedupe() { return new RedisDedupeStore(TestRedis.template()); }
    @Override StreamStore streams() { return new RedisStreamStore(TestRedis.template()); }
    @Override LockManager locks() { return new RedisLockManager(TestRedis.template()); }
    @Override LockedSessions lockedSessions() { return new RedisLockedSessions(TestRedis.template()); }

    @org.junit.jupiter.api.Test
    void shouldWriteNothingWhenTheLockWasLostBeforeTheWrite() {
        var held = lockedSessions().lockAndGet("call:CA11", "voice:CA11", Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        // the lease ran out and another holder took the lock meanwhile
        TestRedis.template().opsForValue().set("hotline:lock:call:CA11", "someone-else");
        org.assertj.core.api.Assertions.assertThat(held.putAndRelease("stale", Duration.ofMinutes(5))).isFalse();
        org.assertj.core.api.Assertions.assertThat(sessions().get("voice:CA11")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(TestRedis.template().opsForValue().get("hotline:lock:call:CA11")).isEqualTo("someone-else");
    }

    @org.junit.jupiter.api.Test
    void shouldMakeTheGroupAgainWhenRedisLostIt() {
        StreamStore streams = streams();
        streams.ensureGroup("chat:outbound", "chat-senders");
        TestRedis.template().execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.serverCommands().flushAll();
            return null;
        });
        streams.append("chat:outbound", "chat-message", "after the flush");
        org.assertj.core.api.Assertions.assertThat(streams.claimStale("chat:outbound", "chat-senders", "c1", java.time.Duration.ZERO, 10))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(streams.readNew("chat:outbound", "chat-senders", "c1", 10, java.time.Duration.ZERO))
                .extracting(StreamStore.StreamEntry::payload).containsExactly("after the flush");
    }
}
