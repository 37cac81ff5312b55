package org.hotline.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.hotline.gateway.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Waits for Redis have no deadline of their own (a virtual thread's timed wait costs a hand-off on
 * every command): a command Redis does not answer must still fail after the configured timeout,
 * timed by Lettuce, and not hold its thread for ever.
 */
@ExtendWith(TestRedis.class)
class RedisCommandTimeoutsTest {

    @Test
    void aCommandRedisDoesNotAnswerFailsAfterTheTimeout() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withUserConfiguration(RedisCommandTimeouts.class)
                .withPropertyValues("hotline.state.store=redis", "spring.data.redis.url=" + TestRedis.url(), "spring.data.redis.timeout=500ms",
                        "spring.data.redis.lettuce.pool.enabled=false")
                .run(context -> {
                    assertThat(context.getBean(RedisConnectionFactory.class)).isInstanceOf(RedisCommandTimeouts.UntimedWaits.class);
                    StringRedisTemplate redis = new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
                    assertThat(redis.opsForValue().setIfAbsent("timeouts:answered", "1")).as("an answered command is unchanged").isNotNull();
                    // BLPOP with no timeout of its own: Redis answers only when the list gets an element, which it never does.
                    // A hang is what this test is for: its bound is generous, the command's timeout 500 ms.
                    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                            () -> redis.opsForList().leftPop("timeouts:never-filled", Duration.ZERO)).isInstanceOf(QueryTimeoutException.class));
                });
    }

    @Test
    void aSentinelRedisIsRemadeTooAndAClusterOrMasterReplicaOneIsLeftAsBootMadeIt() {
        ApplicationContextRunner redis = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withUserConfiguration(RedisCommandTimeouts.class)
                .withPropertyValues("hotline.state.store=redis");
        redis.withPropertyValues("spring.data.redis.sentinel.master=hotline", "spring.data.redis.sentinel.nodes=127.0.0.1:26379")
                .run(context -> assertThat(context.getBean(RedisConnectionFactory.class)).isInstanceOfSatisfying(RedisCommandTimeouts.UntimedWaits.class,
                        factory -> assertThat(factory.getSentinelConfiguration().getMaster().getName()).isEqualTo("hotline")));
        redis.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7000,127.0.0.1:7001")
                .run(context -> assertThat(context.getBean(RedisConnectionFactory.class))
                        .as("a Cluster's factory keeps the executor Boot gave it").isNotInstanceOf(RedisCommandTimeouts.UntimedWaits.class));
        redis.withPropertyValues("spring.data.redis.masterreplica.nodes=127.0.0.1:6379,127.0.0.1:6380")
                .run(context -> assertThat(context.getBean(RedisConnectionFactory.class)).isNotInstanceOf(RedisCommandTimeouts.UntimedWaits.class));
    }
}
