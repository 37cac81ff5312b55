package org.hotline.gateway.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.caseconnector.delivery.DeliveryWorker;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.hotline.caseconnector.delivery.RetryPolicy;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.caseconnector.store.FieldCipher;
import org.hotline.caseconnector.store.webhook.WebhookCaseStore;
import org.hotline.gateway.cases.StreamOutboxSource;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.EncryptingStreamStore;
import org.hotline.gateway.state.JdbcStreamStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case connector delivering a backlog of referrals from the embedded outbox (the local database,
 * encrypted) to a case store over local HTTP (the signed webhook adapter; the receiver answers 201).
 * Prints referrals delivered per second and how long the backlog took. Arguments: [backlog] [workers].
 */
public final class CaseDeliveryBenchmark {

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicLong requests = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/cases", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        receiver.start();
        try {
            var dataSource = new DriverManagerDataSource("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            Flyway.configure().dataSource(dataSource).load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            PiiCipher cipher = new PiiCipher(PiiCipher.newKey());
            var streams = new EncryptingStreamStore(new JdbcStreamStore(jdbc, transactions, Clock.systemUTC()), cipher);
            JsonMapper json = JsonMapper.builder().build();
            FieldCipher fields = cipher;
            var store = new WebhookCaseStore(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cases"), "bench-secret",
                    Duration.ofSeconds(5), json, Clock.systemUTC());
            var deadLetters = new DeadLetters(jdbc, fields, Clock.systemUTC());
            RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofDays(1));

            var appender = new StreamOutboxSource(streams, "appender", false);
            for (int i = 0; i < backlog; i++) {
                appender.append(OutboxSource.REFERRAL, json.writeValueAsString(new Referral("CA" + i + ":callback_referral",
                        ReferralKind.CALLBACK, "trafficking", Referral.Urgency.URGENT, "counter-trafficking", "ar", "voice",
                        "+359880000700", "+359880000700", new Consent(Consent.Answer.YES, false, false, Consent.Source.caller("safe_to_call", Instant.now())), Map.of("topic", "trafficking"),
                        null, null, null, "flow", java.time.Instant.now())));
            }
            long start = System.nanoTime();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < workers; w++) {
                    var worker = new DeliveryWorker(new StreamOutboxSource(streams, "worker-" + w, false), store, deadLetters, retry, json,
                            Clock.systemUTC(), r -> { });
                    executor.submit(() -> {
                        while (received.size() < backlog) {
                            worker.runOnce(100, Duration.ofMillis(50));
                        }
                        return null;
                    });
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("case connector: %d referrals from the embedded outbox to a local HTTP case store in %.2f s with %d workers%n",
                    backlog, seconds, workers);
            System.out.printf("delivered: %.0f referrals/s (target >= 1,000); %d requests for %d distinct referrals; %d dead letters%n",
                    backlog / seconds, requests.get(), received.size(), deadLetters.list(true, Integer.MAX_VALUE).size());
        } finally {
            receiver.stop(0);
        }
    }
}
