package org.hotline.gateway.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.state.JdbcStreamStore;
import org.hotline.gateway.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The call log since a moment: all of it, read in pages from the newest, each contact once (its latest version). */
class CallLogSinceTest {

    static final Instant START = Instant.parse("2026-11-30T22:00:00Z");

    @Test
    void shouldReadBackToTheMomentAcrossPagesAndGiveAnAmendedRecordOnce() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:calllog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        var streams = new JdbcStreamStore(JdbcClient.create(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new MovableClock(START));
        CallLog log = new CallLog(streams, JsonMapper.builder().build(), event -> { });
        // 700 contacts, one a minute; the one ended at minute 650 gets notes later
        for (int i = 0; i < 700; i++) {
            log.record(record("c" + i, START.plusSeconds(60L * i)));
        }
        log.amend(record("c650", START.plusSeconds(60L * 650)).withNotes("called back"));

        List<CallRecord> since = log.since(START.plusSeconds(60L * 100));

        assertThat(since).hasSize(600).extracting(CallRecord::id).doesNotHaveDuplicates().contains("c100", "c699").doesNotContain("c99");
        assertThat(since.stream().filter(r -> r.id().equals("c650"))).singleElement().satisfies(r -> assertThat(r.notes()).isEqualTo("called back"));
        assertThat(log.since(START.plusSeconds(60L * 699))).extracting(CallRecord::id).containsExactly("c699");
        assertThat(log.since(START.minusSeconds(60))).hasSize(700);
    }

    static CallRecord record(String id, Instant ended) {
        return new CallRecord(id, ContactChannel.WHATSAPP, null, "en", "trafficking", "counter-trafficking", List.of(), ended.minusSeconds(30),
                ended, Duration.ZERO, "elena", Duration.ofSeconds(20), CallOutcome.ANSWERED, List.of(), null, null, null);
    }
}
