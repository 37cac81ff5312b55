package org.hotline.gateway.state;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

class MemoryStateStoreTest extends StateStoreContract {

    private SessionStore sessions;
    private DedupeStore dedupe;
    private StreamStore streams;
    private LockManager locks;

    @BeforeEach
    void freshStores() {
        Clock clock = Clock.systemUTC();
        sessions = new MemorySessionStore(clock);
        dedupe = new MemoryDedupeStore(clock);
        streams = new MemoryStreamStore(clock);
        locks = new MemoryLockManager(clock);
    }

    @Override SessionStore sessions() { return sessions; }
    @Override DedupeStore dedupe() { return dedupe; }
    @Override StreamStore streams() { return streams; }
    @Override LockManager locks() { return locks; }
}
