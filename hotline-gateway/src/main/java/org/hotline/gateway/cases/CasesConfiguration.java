package org.hotline.gateway.cases;

import org.hotline.caseconnector.config.CaseStoreSettings;

import java.time.Clock;
import java.util.UUID;
import org.hotline.caseconnector.config.CaseStoreSettings;
import org.hotline.caseconnector.config.CaseStores;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.caseconnector.delivery.DeliveryLoop;
import org.hotline.caseconnector.delivery.DeliveryWorker;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.hotline.caseconnector.delivery.RetryPolicy;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.FieldCipher;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.calllog.ReferralDelivered;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.StreamStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The case connector inside the gateway: the chosen case store, the outbox on the state store, the delivery worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseStoreSettings.class)
class CasesConfiguration {

    @Bean
    ReferralOutbox referralOutbox(org.hotline.gateway.state.StreamStore streams, org.hotline.gateway.state.DedupeStore dedupe,
                                  tools.jackson.databind.json.JsonMapper json, ReferralProgress progress) {
        return new ReferralOutbox(streams, dedupe, json, progress);
    }

    @Bean
    DeadLetterReplays deadLetterReplays(DeadLetters deadLetters, OutboxSource outbox, org.hotline.gateway.audit.AuditTrail audit) {
        return new DeadLetterReplays(deadLetters, outbox, audit);
    }

    @Bean
    ReferralProgress referralProgress(org.hotline.gateway.state.SessionStore store, DeadLetters deadLetters) {
        return new ReferralProgress(store, deadLetters, java.time.Duration.ofDays(30));
    }

    @Bean
    OfficerReferrals officerReferrals(org.hotline.gateway.config.HotlineDirectory directory, org.hotline.gateway.flow.FlowLibrary flows) {
        return new OfficerReferrals(directory, flows);
    }



    @Bean
    LocalCaseStore localCaseStore(JdbcClient jdbc, TransactionTemplate transactions, FieldCipher cipher, Clock clock) {
        return new LocalCaseStore(jdbc, transactions, cipher, clock);
    }

    /** The adapter chosen by configuration; the local store stays a bean of its own for the referrals API. */
    @Bean
    @org.springframework.context.annotation.Primary
    CaseStore caseStore(CaseStoreSettings settings, LocalCaseStore local, JsonMapper json, Clock clock) {
        return CaseStores.create(settings, local, json, clock);
    }

    @Bean
    DeadLetters deadLetters(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
        return new DeadLetters(jdbc, cipher, clock);
    }

    @Bean
    StreamOutboxSource outboxSource(StreamStore streams, CaseStoreSettings settings) {
        return new StreamOutboxSource(streams, "gateway-" + UUID.randomUUID().toString().substring(0, 8),
                settings.retention().outbox().isZero());
    }

    @Bean
    RetentionJob retentionJob(StreamOutboxSource outbox, LocalCaseStore local, CaseStoreSettings settings, Clock clock) {
        return new RetentionJob(outbox, local, settings.retention(), clock);
    }

    @Bean
    DeliveryWorker deliveryWorker(OutboxSource outbox, CaseStore store, DeadLetters deadLetters, CaseStoreSettings settings,
                                  JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        return new DeliveryWorker(outbox, store, deadLetters,
                new RetryPolicy(settings.retryFirst(), settings.retryMax(), settings.retryHorizon()), json, clock,
                referral -> events.publishEvent(new ReferralDelivered(referral.id(), referral.recordingRef())));
    }

    @Bean
    DeliveryLoop deliveryLoop(DeliveryWorker worker, CaseStoreSettings settings) {
        return new DeliveryLoop(worker, settings.worker());
    }
}
