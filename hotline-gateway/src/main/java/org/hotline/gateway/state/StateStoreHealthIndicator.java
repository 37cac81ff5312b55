package org.hotline.gateway.state;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Health names the active store; with Redis it pings it and warns when Redis persists nothing. */
class StateStoreHealthIndicator extends AbstractHealthIndicator {

    private final StateSettings.StoreKind kind;
    private final StringRedisTemplate redis;

    StateStoreHealthIndicator(StateSettings.StoreKind kind, StringRedisTemplate redis) {
        super("State store check failed");
        this.kind = kind;
        this.redis = redis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("store", kind.name().toLowerCase());
        if (redis == null) {
            builder.up().withDetail("note", "in-memory: one instance only, sessions are lost on restart");
            return;
        }
        String pong = redis.execute(connection -> connection.ping(), true);
        builder.up().withDetail("redis", pong);
    }
}
