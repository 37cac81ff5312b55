package org.hotline.gateway.state;

import java.time.Clock;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Chooses the state store ({@code HOTLINE_STORE}) and wraps what holds personal data in encryption.
 * The embedded default keeps sessions, dedupe keys and locks in memory and its streams in the local
 * database; Redis keeps them all.
 * Every other feature sees only the four ports.
 */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Boot's template, but handing callbacks the connection itself: by default every command and
     * script is given a proxy of the connection (so that a callback cannot close it) and called
     * through reflection. No callback here closes its connection; the template releases it.
     */
    @Bean
    StringRedisTemplate stringRedisTemplate(org.springframework.data.redis.connection.RedisConnectionFactory connections) {
        StringRedisTemplate template = new StringRedisTemplate(connections);
        template.setExposeConnection(true);
        return template;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hotline.state.store", havingValue = "memory", matchIfMissing = true)
    static class Memory {
        @Bean
        SessionStore sessionStore(Clock clock, PiiCipher cipher) {
            return new EncryptingSessionStore(new MemorySessionStore(clock), cipher);
        }

        @Bean
        DedupeStore dedupeStore(Clock clock) {
            return new MemoryDedupeStore(clock);
        }

        /** Streams (the outbox, the call log) in the local database: they survive a restart. */
        @Bean
        StreamStore streamStore(org.springframework.jdbc.core.simple.JdbcClient jdbc,
                                org.springframework.transaction.support.TransactionTemplate transactions, Clock clock, PiiCipher cipher) {
            return new EncryptingStreamStore(new JdbcStreamStore(jdbc, transactions, clock), cipher);
        }

        @Bean
        LockManager lockManager(Clock clock) {
            return new MemoryLockManager(clock);
        }

        @Bean
        LockedSessions lockedSessions(SessionStore sessionStore, LockManager lockManager, StreamStore streamStore, DedupeStore dedupeStore) {
            return new LockingSessions(sessionStore, lockManager, streamStore, dedupeStore);
        }

        @Bean
        StateStoreHealthIndicator stateStoreHealthIndicator() {
            return new StateStoreHealthIndicator(StateSettings.StoreKind.MEMORY, null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hotline.state.store", havingValue = "redis")
    static class Redis {
        @Bean
        SessionStore sessionStore(StringRedisTemplate redis, PiiCipher cipher) {
            return new EncryptingSessionStore(new RedisSessionStore(redis), cipher);
        }

        @Bean
        DedupeStore dedupeStore(StringRedisTemplate redis) {
            return new RedisDedupeStore(redis);
        }

        @Bean
        StreamStore streamStore(StringRedisTemplate redis, PiiCipher cipher) {
            return new EncryptingStreamStore(new RedisStreamStore(redis), cipher);
        }

        @Bean
        LockManager lockManager(StringRedisTemplate redis) {
            return new RedisLockManager(redis);
        }

        /** One script to lock and read, one to write and unlock: two round trips for a webhook's session instead of four. */
        @Bean
        LockedSessions lockedSessions(StringRedisTemplate redis, PiiCipher cipher) {
            return new EncryptingLockedSessions(new RedisLockedSessions(redis), cipher);
        }

        @Bean
        StateStoreHealthIndicator stateStoreHealthIndicator(StringRedisTemplate redis) {
            return new StateStoreHealthIndicator(StateSettings.StoreKind.REDIS, redis);
        }
    }
}
