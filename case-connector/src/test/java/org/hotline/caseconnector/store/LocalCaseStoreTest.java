package org.hotline.caseconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.hotline.caseconnector.Fixtures;
import org.hotline.caseconnector.TestDatabases;
import org.hotline.caseconnector.TestDatabases.TestDatabase;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The local case store on both databases it supports, each created for the test and dropped after it. */
class LocalCaseStoreTest {

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    private static TestDatabase open(String kind) {
        return kind.equals("H2") ? TestDatabases.h2() : TestDatabases.postgres();
    }

    private static LocalCaseStore store(TestDatabase db) {
        return new LocalCaseStore(JdbcClient.create(db.dataSource()), new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())),
                Fixtures.CIPHER, Clock.fixed(Fixtures.AT, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void shouldStoreAReferralOnceWhateverHowOftenItIsDelivered(String kind) {
        try (TestDatabase db = open(kind)) {
            LocalCaseStore store = store(db);
            store.deliver(Fixtures.callback("CA1:callback_referral"));
            store.deliver(Fixtures.callback("CA1:callback_referral"));
            store.deliver(Fixtures.voicemail("CA1:voicemail_saved"));

            assertThat(store.count("referral")).isEqualTo(2);
            assertThat(store.count("referral_status")).isEqualTo(2);
            var stored = store.recent(10);
            assertThat(stored).extracting(LocalCaseStore.StoredReferral::id).containsExactlyInAnyOrder("CA1:callback_referral", "CA1:voicemail_saved");
            assertThat(stored).filteredOn(r -> r.kind().equals("CALLBACK")).singleElement().satisfies(r -> {
                assertThat(r.contact()).isEqualTo("+359880000501");
                assertThat(r.callbackNumber()).isEqualTo("+359880000501");
                assertThat(r.safeToCallBack()).isEqualTo("YES");
                assertThat(r.status()).isEqualTo("new");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void shouldKeepNumbersAndAnswersEncrypted(String kind) {
        try (TestDatabase db = open(kind)) {
            store(db).deliver(Fixtures.callback("CA2:callback_referral"));
            String row = JdbcClient.create(db.dataSource())
                    .sql("SELECT contact_enc || '|' || callback_enc || '|' || answers_enc FROM referral").query(String.class).single();
            assertThat(row).startsWith("enc:").doesNotContain("359880000501", "trafficking");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void shouldStoreACallRecordOnce(String kind) {
        try (TestDatabase db = open(kind)) {
            LocalCaseStore store = store(db);
            store.deliver(Fixtures.call("CA3"));
            store.deliver(Fixtures.call("CA3"));
            assertThat(store.count("call_record")).isEqualTo(1);
        }
    }
}
