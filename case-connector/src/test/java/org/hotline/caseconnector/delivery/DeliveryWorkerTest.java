package org.hotline.caseconnector.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hotline.caseconnector.Fixtures;
import org.hotline.caseconnector.TestDatabases;
import org.hotline.caseconnector.TestDatabases.TestDatabase;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.caseconnector.store.webhook.WebhookCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The delivery guarantee: through outages, crashes and refusals, every item arrives once or waits as a dead letter. */
class DeliveryWorkerTest {

    static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(10));
    final JsonMapper json = JsonMapper.builder().build();
    final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    TestDatabase db;
    DeadLetters deadLetters;
    FakeOutbox outbox;
    final Map<String, AtomicInteger> deliveredEvents = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        receiver.start();
        db = TestDatabases.h2();
        deadLetters = new DeadLetters(JdbcClient.create(db.dataSource()), Fixtures.CIPHER, Clock.systemUTC());
        outbox = new FakeOutbox();
    }

    @AfterEach
    void stop() {
        receiver.stop();
        db.close();
    }

    private DeliveryWorker worker(CaseStore store, RetryPolicy retry) {
        return new DeliveryWorker(outbox, store, deadLetters, retry, json, Clock.systemUTC(),
                r -> deliveredEvents.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet());
    }

    private WebhookCaseStore webhook() {
        return new WebhookCaseStore(URI.create("http://localhost:" + receiver.port() + "/cases"), "secret", Duration.ofSeconds(2), json,
                Clock.systemUTC());
    }

    private LocalCaseStore local() {
        return new LocalCaseStore(JdbcClient.create(db.dataSource()), new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())),
                Fixtures.CIPHER, Clock.systemUTC());
    }

    private void referrals(int count) {
        for (int i = 0; i < count; i++) {
            outbox.append(OutboxSource.REFERRAL, json.writeValueAsString(i % 2 == 0 ? Fixtures.callback("CA" + i + ":cb") : Fixtures.voicemail("CA" + i + ":vm")));
        }
    }

    private void drain(DeliveryWorker worker) {
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> {
            worker.runOnce(20, Duration.ZERO);
            return outbox.unfinished() == 0;
        });
    }

    @Test
    void shouldDeliverEveryReferralExactlyOnceThroughAnOutage() {
        receiver.stubFor(post(urlEqualTo("/cases")).willReturn(aResponse().withStatus(503)));
        referrals(10);
        DeliveryWorker worker = worker(webhook(), FAST);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
            worker.runOnce(20, Duration.ZERO);
            return receiver.getAllServeEvents().size() >= 30;
        });
        assertThat(outbox.unfinished()).as("nothing is dropped while the store is down").isEqualTo(10);

        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/cases")).willReturn(aResponse().withStatus(201)));
        drain(worker);

        Map<String, Long> accepted = receiver.getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 201)
                .collect(Collectors.groupingBy(e -> e.getRequest().getHeader("Idempotency-Key"), Collectors.counting()));
        assertThat(accepted).hasSize(10).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        assertThat(deliveredEvents).hasSize(10).allSatisfy((id, times) -> assertThat(times.get()).isEqualTo(1));
        assertThat(deadLetters.list(true, 100)).isEmpty();
    }

    @Test
    void shouldNotCreateADuplicateWhenTheWorkerStopsBetweenTheStoresSuccessAndTheAcknowledgement() {
        LocalCaseStore store = local();
        referrals(4);
        outbox.failDone = new IllegalStateException("the worker's process is killed (test)");
        try {
            worker(store, FAST).runOnce(20, Duration.ZERO);
        } catch (IllegalStateException killed) {
            // the first item reached the store, its acknowledgement did not happen
        }
        assertThat(store.count("referral")).isEqualTo(1);
        outbox.failDone = null;

        drain(worker(store, FAST));   // a new worker, after the restart

        assertThat(store.count("referral")).isEqualTo(4);
        assertThat(store.count("referral_status")).isEqualTo(4);
    }

    @Test
    void shouldKeepARefusedReferralAsADeadLetterWithTheReasonAndReplayIt() {
        receiver.stubFor(post(urlEqualTo("/cases")).willReturn(aResponse().withStatus(422)
                .withBody("{\"errors\":[{\"message\":\"transition.errors.consent\"}]}")));
        referrals(1);
        drain(worker(webhook(), FAST));

        var dead = deadLetters.list(false, 10);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.itemId()).isNotBlank();
            assertThat(d.adapter()).isEqualTo("webhook");
            assertThat(d.reason()).contains("HTTP 422", "transition.errors.consent");
        });
        assertThat(deliveredEvents).isEmpty();

        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/cases")).willReturn(aResponse().withStatus(200)));
        assertThat(deadLetters.replay(dead.getFirst().id(), outbox)).hasValueSatisfying(d -> assertThat(d.replayedAt()).isNotNull());
        assertThat(deadLetters.replay(dead.getFirst().id(), outbox)).as("replayed once").isEmpty();
        drain(worker(webhook(), FAST));

        assertThat(deliveredEvents).hasSize(1);
        assertThat(deadLetters.list(false, 10)).isEmpty();
    }

    @Test
    void shouldGiveUpIntoADeadLetterOnlyAfterTheHorizon() {
        receiver.stubFor(post(urlEqualTo("/cases")).willReturn(aResponse().withStatus(500)));
        outbox.appendFirstSeen(OutboxSource.REFERRAL, json.writeValueAsString(Fixtures.callback("OLD:cb")),
                System.currentTimeMillis() - Duration.ofHours(2).toMillis());
        drain(worker(webhook(), new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofHours(1))));
        assertThat(deadLetters.list(false, 10)).singleElement().satisfies(d -> assertThat(d.reason()).contains("gave up after PT1H"));
    }

    @Test
    void shouldDeadLetterAnItemThatCannotBeRead() {
        outbox.append(OutboxSource.REFERRAL, "{\"id\":\"x\"");
        outbox.append("photo", "{}");
        drain(worker(local(), FAST));
        assertThat(deadLetters.list(false, 10)).extracting(DeadLetters.DeadLetter::reason)
                .anyMatch(r -> r.startsWith("cannot read the item")).anyMatch(r -> r.contains("unknown outbox item type 'photo'"));
    }

    @Test
    void shouldDeliverTheOthersWhenOneItemCanNeverBeStored() {
        LocalCaseStore store = local();
        for (int i = 0; i < 100; i++) {
            var referral = Fixtures.voicemail("CA" + i + ":vm");
            if (i == 50) {
                // a topic longer than the store's column: the database refuses it every time
                referral = new org.hotline.caseconnector.model.Referral(referral.id(), referral.kind(), "t".repeat(150), referral.urgency(),
                        referral.team(), referral.language(), referral.channel(), referral.contact(), null, referral.consent(),
                        referral.answers(), null, null, null, "flow", referral.createdAt());
            }
            outbox.append(OutboxSource.REFERRAL, json.writeValueAsString(referral));
        }
        drain(worker(store, FAST));

        assertThat(store.count("referral")).isEqualTo(99);
        assertThat(deadLetters.list(false, 10)).singleElement().satisfies(d -> {
            assertThat(d.itemId()).as("the poison item, no other").endsWith("-50");
            assertThat(d.reason()).contains("the local store cannot keep it");
        });
    }

    @Test
    void shouldScrubNumbersFromADeadLettersReason() {
        receiver.stubFor(post(urlEqualTo("/cases")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"no person with phone +359 88 000 0501 or whatsapp:+359880000501\"}")));
        referrals(1);
        drain(worker(webhook(), FAST));
        assertThat(deadLetters.list(false, 10)).singleElement().satisfies(d -> assertThat(d.reason())
                .doesNotContain("000 0501", "880000501").contains("+359******501", "[address]"));
    }

    @Test
    void shouldShareTheWorkWhenSeveralWorkersReadOneOutbox() throws Exception {
        LocalCaseStore store = local();
        referrals(60);
        // live workers: nobody's items are idle long enough to be taken over (FAST's 200 ms is not, on a busy machine)
        RetryPolicy live = new RetryPolicy(Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofMinutes(10));
        List<DeliveryWorker> workers = List.of(worker(store, live), worker(store, live), worker(store, live));
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (DeliveryWorker w : workers) {
                executor.submit(() -> drain(w));
            }
        }
        assertThat(store.count("referral")).isEqualTo(60);
        assertThat(deliveredEvents).hasSize(60).allSatisfy((id, times) -> assertThat(times.get()).isEqualTo(1));
    }

}
