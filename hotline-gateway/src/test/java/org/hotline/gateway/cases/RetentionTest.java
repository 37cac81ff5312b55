package org.hotline.gateway.cases;

import org.hotline.caseconnector.config.CaseStoreSettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.caseconnector.store.FieldCipher;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.state.JdbcStreamStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Delivered data is kept only as long as configured; undelivered outbox entries are kept whatever their age. */
@ExtendWith(OutputCaptureExtension.class)
class RetentionTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final FieldCipher PLAIN = new FieldCipher() {
        public String encrypt(String s, String context) {
            return "x" + s;
        }

        public String decrypt(String s, String context) {
            return s.substring(1);
        }
    };

    DataSource dataSource;
    JdbcClient jdbc;
    TransactionTemplate transactions;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private JdbcStreamStore streams(Instant at) {
        return new JdbcStreamStore(jdbc, transactions, Clock.fixed(at, ZoneOffset.UTC));
    }

    private LocalCaseStore local(Instant at) {
        return new LocalCaseStore(jdbc, transactions, PLAIN, Clock.fixed(at, ZoneOffset.UTC));
    }

    private static Referral information(String id) {
        return new Referral(id, ReferralKind.INFORMATION, "visa", null, "visa-centre", "en", "voice", "+359880000601", null,
                Consent.none(), Map.of(), null, null, null, null, NOW);
    }

    @Test
    void shouldDeleteAnEntryAsSoonAsItIsDeliveredWithZeroRetention() {
        var outbox = new StreamOutboxSource(streams(NOW), "w1", true);
        outbox.append("referral", "{}");
        var item = outbox.next(10, Duration.ZERO).getFirst();
        outbox.done(item.id());
        assertThat(streams(NOW).length(StreamOutboxSource.STREAM)).isZero();
    }

    @Test
    void shouldPurgeOldDeliveredDataAndLogTheCounts(CapturedOutput output) {
        // other tests in this JVM may have lowered the logging level; this one reads the log
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(RetentionJob.class)).setLevel(ch.qos.logback.classic.Level.INFO);
        Instant longAgo = NOW.minus(Duration.ofDays(400));
        var oldOutbox = new StreamOutboxSource(streams(longAgo), "w1", false);
        oldOutbox.append("referral", "{\"delivered\":true}");
        oldOutbox.append("referral", "{\"stuck\":true}");
        oldOutbox.done(oldOutbox.next(1, Duration.ZERO).getFirst().id());   // the second stays pending: its store is down
        local(longAgo).deliver(information("CA-old:info"));
        local(NOW).deliver(information("CA-new:info"));

        new RetentionJob(new StreamOutboxSource(streams(NOW), "w1", false), local(NOW),
                new CaseStoreSettings.Retention(Duration.ofDays(30), Duration.ofDays(365)), Clock.fixed(NOW, ZoneOffset.UTC)).purge();

        assertThat(streams(NOW).recent(StreamOutboxSource.STREAM, 10)).extracting(e -> e.payload()).containsExactly("{\"stuck\":true}");
        assertThat(local(NOW).recent(10)).extracting(LocalCaseStore.StoredReferral::id).containsExactly("CA-new:info");
        assertThat(output.getOut()).contains("retention: purged 1 delivered outbox entries older than PT720H, 1 referrals and 0 call records older than PT8760H");
    }
}
