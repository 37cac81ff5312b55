package org.hotline.gateway.state;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Who times a Redis command: Lettuce, not each waiting thread. Boot has Lettuce expire every command
 * itself, on its wheel timer, after {@code spring.data.redis.timeout}; Spring Data's connections wait
 * for the answer with that deadline too. A deadline on the wait is a timed park, and a virtual
 * thread's timed park hands a timer to the JDK's delay scheduler and wakes its thread, on every
 * command: about 16 % of the gateway's CPU per WhatsApp message under load, for a bound the expiry
 * already gives. So the connections here wait without one, and the expiry alone bounds a command.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hotline.state.store", havingValue = "redis")
class RedisCommandTimeouts {

    /**
     * Boot's connection factory, remade with the same configuration as one whose connections wait
     * without a deadline. A standalone or Sentinel Redis is remade. A Cluster is left as Boot made it
     * (its waits keep their deadline): Boot gives a Cluster's factory the executor that runs commands
     * on several nodes (virtual threads here), which a copy cannot read back; so are a static
     * master/replica and a socket one.
     */
    @Bean
    static BeanPostProcessor untimedCommandWaits(ObjectProvider<DataRedisConnectionDetails> details) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean.getClass() != LettuceConnectionFactory.class) {
                    return bean;
                }
                LettuceConnectionFactory boot = (LettuceConnectionFactory) bean;
                DataRedisConnectionDetails connection = details.getIfAvailable();
                if (boot.isClusterAware() || boot.getSocketConfiguration() != null || connection == null
                        || connection.getMasterReplica() != null) {
                    return bean;
                }
                RedisConfiguration configuration = boot.isRedisSentinelAware() ? boot.getSentinelConfiguration() : boot.getStandaloneConfiguration();
                return new UntimedWaits(configuration, boot.getClientConfiguration());
            }
        };
    }

    /** Connections that wait for a command's answer without a deadline of their own: Lettuce expires the command. */
    static final class UntimedWaits extends LettuceConnectionFactory {

        UntimedWaits(RedisConfiguration configuration, LettuceClientConfiguration client) {
            super(configuration, client);
        }

        /**
         * The wait's deadline for each connection made; the client's command timeout (the connection's
         * handshake, Lettuce's expiry of each command) is the configuration's, unchanged.
         */
        @Override
        public long getTimeout() {
            return 0;
        }
    }
}
