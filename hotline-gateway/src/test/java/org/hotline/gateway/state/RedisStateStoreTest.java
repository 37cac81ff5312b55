package org.hotline.gateway.state;

import org.hotline.gateway.testing.TestRedis;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestRedis.class)
class RedisStateStoreTest extends StateStoreContract {

    @Override SessionStore sessions() { return new RedisSessionStore(TestRedis.template()); }
    @Override DedupeStore dedupe() { return new RedisDedupeStore(TestRedis.template()); }
    @Override StreamStore streams() { return new RedisStreamStore(TestRedis.template()); }
    @Override LockManager locks() { return new RedisLockManager(TestRedis.template()); }

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
