package org.hotline.gateway.state;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

/** The embedded default: sessions, dedupe keys and locks in memory, streams in the local database (H2 here). */
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
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:mem:streams-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).load().migrate();
        streams = new JdbcStreamStore(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource),
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)), clock);
        locks = new MemoryLockManager(clock);
    }

    @Override SessionStore sessions() { return sessions; }
    @Override DedupeStore dedupe() { return dedupe; }
    @Override StreamStore streams() { return streams; }
    @Override LockManager locks() { return locks; }
    @Override LockedSessions lockedSessions() { return new LockingSessions(sessions, locks, streams, dedupe); }
}
