package org.hotline.caseconnector.worker;

import java.time.Clock;
import java.util.UUID;
import org.hotline.caseconnector.config.CaseStoreSettings;
import org.hotline.caseconnector.config.CaseStores;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.caseconnector.delivery.DeliveryLoop;
import org.hotline.caseconnector.delivery.DeliveryWorker;
import org.hotline.caseconnector.delivery.RetryPolicy;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.FieldCipher;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case connector alone, for a scaled-out deployment: delivers the gateways' Redis outbox to the
 * case store. Several may run at once: they share the consumer group. Configured like the gateway
 * ({@code case-connector.yaml}: HOTLINE_CASE_STORE, SPRING_DATA_REDIS_URL, HOTLINE_PII_KEY,
 * HOTLINE_CASE_DB_URL for dead letters and the local store).
 */
@SpringBootApplication
@EnableConfigurationProperties(CaseStoreSettings.class)
public class CaseConnectorWorker {

    public static void main(String[] args) {
        new SpringApplication(CaseConnectorWorker.class) {
            {
                setDefaultProperties(java.util.Map.of("spring.config.name", "case-connector"));
            }
        }.run(args);
    }

    @Bean
    PiiCipher piiCipher(@Value("${hotline.pii.key:}") String key) {
        if (key.isBlank()) {
            throw new IllegalStateException("HOTLINE_PII_KEY must be set: the worker decrypts what the gateways encrypted with it");
        }
        return PiiCipher.fromBase64(key);
    }


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JsonMapper jsonMapper() {
        return JsonMapper.builder().build();
    }

    @Bean
    LocalCaseStore localCaseStore(JdbcClient jdbc, TransactionTemplate transactions, FieldCipher cipher, Clock clock) {
        return new LocalCaseStore(jdbc, transactions, cipher, clock);
    }

    @Bean
    @org.springframework.context.annotation.Primary
    CaseStore caseStore(CaseStoreSettings settings, LocalCaseStore local, JsonMapper json, Clock clock) {
        return CaseStores.create(settings, local, json, clock);
    }

    @Bean
    RedisOutboxSource outbox(StringRedisTemplate redis, PiiCipher cipher) {
        return new RedisOutboxSource(redis, cipher, "worker-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    DeliveryLoop deliveryLoop(RedisOutboxSource outbox, CaseStore store, JdbcClient jdbc, FieldCipher cipher, CaseStoreSettings settings,
                              JsonMapper json, Clock clock) {
        var worker = new DeliveryWorker(outbox, store, new DeadLetters(jdbc, cipher, clock),
                new RetryPolicy(settings.retryFirst(), settings.retryMax(), settings.retryHorizon()), json, clock, referral -> { });
        return new DeliveryLoop(worker, true);
    }
}
