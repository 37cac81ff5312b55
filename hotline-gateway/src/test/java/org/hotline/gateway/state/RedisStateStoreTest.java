package org.hotline.gateway.state;

import org.hotline.gateway.testing.TestRedis;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestRedis.class)
class RedisStateStoreTest extends StateStoreContract {

    @Override SessionStore sessions() { return new RedisSessionStore(TestRedis.template()); }
    @Override DedupeStore dedupe() { return new RedisDedupeStore(TestRedis.template()); }
    @Override StreamStore streams() { return new RedisStreamStore(TestRedis.template()); }
    @Override LockManager locks() { return new RedisLockManager(TestRedis.template()); }
}
