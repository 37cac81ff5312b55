package org.hotline.gateway.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.caseconnector.worker.CaseConnectorWorker;
import org.hotline.gateway.state.EncryptingStreamStore;
import org.hotline.gateway.state.RedisStreamStore;
import org.hotline.gateway.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case connector running alone, twice, beside gateways on Redis: both workers read the outbox
 * the gateway writes (encrypted, in one consumer group) and every referral is delivered once.
 */
@ExtendWith(TestRedis.class)
class StandaloneWorkerTest {

    @Test
    void shouldShareTheRedisOutboxBetweenTwoStandaloneWorkers() {
        String key = Base64.getEncoder().encodeToString(PiiCipher.newKey());
        String database = "jdbc:h2:mem:standalone-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String[] args = {"--spring.config.name=case-connector", "--spring.data.redis.url=" + TestRedis.url(), "--HOTLINE_PII_KEY=" + key,
                "--HOTLINE_CASE_DB_URL=" + database, "--spring.main.keep-alive=false"};
        try (ConfigurableApplicationContext first = SpringApplication.run(CaseConnectorWorker.class, args);
             ConfigurableApplicationContext second = SpringApplication.run(CaseConnectorWorker.class, args)) {
            // the gateway's side: its Redis stream store, encrypting with the same key
            var outbox = new EncryptingStreamStore(new RedisStreamStore(TestRedis.template()), PiiCipher.fromBase64(key));
            JsonMapper json = JsonMapper.builder().build();
            for (int i = 0; i < 40; i++) {
                outbox.append("outbox", OutboxSource.REFERRAL, json.writeValueAsString(new Referral("CA" + i + ":voicemail_saved",
                        ReferralKind.VOICEMAIL, "return", Referral.Urgency.NORMAL, "avrr", "ru", "voice", "+359880000900", null,
                        Consent.none(), Map.of(), "RE" + i, null, null, "flow", Clock.systemUTC().instant())));
            }

            JdbcClient db = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
            await().atMost(Duration.ofSeconds(20)).until(() -> db.sql("SELECT COUNT(*) FROM referral").query(Long.class).single() == 40);
            await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pendingCount("outbox", "case-connector") == 0);
            assertThat(db.sql("SELECT COUNT(*) FROM referral_status").query(Long.class).single()).isEqualTo(40);
            assertThat(db.sql("SELECT contact_enc FROM referral LIMIT 1").query(String.class).single()).startsWith("v2:");
        }
    }
}
