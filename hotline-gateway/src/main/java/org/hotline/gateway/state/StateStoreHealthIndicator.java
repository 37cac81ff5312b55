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
        // the outbox lives in Redis: a Redis that persists nothing loses referrals when it restarts
        var persistence = redis.execute(connection -> connection.serverCommands().getConfig("appendonly"), true);
        var snapshots = redis.execute(connection -> connection.serverCommands().getConfig("save"), true);
        boolean appendOnly = persistence != null && "yes".equals(persistence.getProperty("appendonly"));
        boolean snapshotting = snapshots != null && snapshots.getProperty("save") != null && !snapshots.getProperty("save").isBlank();
        if (!appendOnly && !snapshotting) {
            builder.withDetail("warning", "Redis persists nothing (no appendonly, no save): the outbox and sessions are lost if Redis restarts;"
                    + " run it with appendonly yes");
        } else {
            builder.withDetail("persistence", appendOnly ? "appendonly" : "snapshots");
        }
    }
}
