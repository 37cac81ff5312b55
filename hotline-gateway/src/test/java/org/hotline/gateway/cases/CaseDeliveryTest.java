package org.hotline.gateway.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.calllog.ReferralDelivered;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.flow.Referral;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A referral from a flow reaches the embedded case store through the outbox, and supervisors see it, masked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseDeliveryTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hotline.state.data-dir", () -> dataDir.toString());
        TestUsers.register(registry);
    }

    @TestConfiguration
    static class Delivered {
        static final java.util.List<ReferralDelivered> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @EventListener
        void on(ReferralDelivered delivered) {
            events.add(delivered);
        }
    }

    @Autowired ReferralOutbox outbox;
    @Autowired LocalCaseStore local;
    @LocalServerPort int port;

    @Test
    void shouldDeliverAFlowReferralToTheLocalStoreOnceAndShowItMasked() {
        Referral flowReferral = new Referral("CA77:callback_referral", Node.ReferralKind.CALLBACK, Node.Priority.URGENT,
                "counter-trafficking", "trafficking", "ar", Channel.VOICE, "yes", "safe_to_call", "caller", null, Map.of("safe_to_call", "yes"));
        var origin = new OutboxMapper.Origin("+359880000777", "+359880000777", null, "flow", Instant.parse("2026-12-01T08:00:00Z"));

        assertThat(outbox.add(flowReferral, origin)).isTrue();
        assertThat(outbox.add(flowReferral, origin)).as("the same referral again adds nothing").isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> local.recent(50).stream().anyMatch(r -> r.id().equals("CA77:callback_referral")));
        await().atMost(Duration.ofSeconds(5)).until(() -> Delivered.events.stream().anyMatch(e -> e.referralId().equals("CA77:callback_referral")));
        assertThat(Delivered.events).extracting(ReferralDelivered::referralId).containsOnlyOnce("CA77:callback_referral");

        ApiClient api = new ApiClient(port);
        var sue = api.get("/api/v1/referrals", TestUsers.SUE);
        assertThat(sue.statusCode()).isEqualTo(200);
        assertThat(sue.body()).contains("\"id\":\"CA77:callback_referral\"", "\"kind\":\"callback\"", "\"urgency\":\"urgent\"",
                "\"contact\":\"+359******777\"", "\"safeToCallBack\":\"yes\"").doesNotContain("880000777");
        assertThat(api.get("/api/v1/referrals", TestUsers.OLGA).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/referrals/dead-letters", TestUsers.SUE).body()).isEqualTo("[]");
        assertThat(api.post("/api/v1/referrals/dead-letters/999/replay", "", TestUsers.SUE).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/referrals/dead-letters", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldLetAnOfficerCreateAReferralOnceWhateverTheRetries() {
        ApiClient api = new ApiClient(port);
        String body = """
                {"kind":"case-referral","team":"protection","topic":"refugees","urgency":"normal","language":"fa","channel":"voice",
                 "contact":"+359880000778","safeToCallBack":"no","consentNote":"asked on the phone; she does not want to be called","shareWithOrganisations":true,"services":true,
                 "notes":"needs a shelter place for a family of four"}""";
        var first = api.post("/api/v1/referrals", body, TestUsers.OLGA, "Idempotency-Key", "olga-2026-12-01-001");
        var retry = api.post("/api/v1/referrals", body, TestUsers.OLGA, "Idempotency-Key", "olga-2026-12-01-001");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"created\":false");
        await().atMost(Duration.ofSeconds(10)).until(() -> local.recent(50).stream().anyMatch(r -> r.id().equals("officer:olga-2026-12-01-001")));
        var stored = local.recent(50).stream().filter(r -> r.id().equals("officer:olga-2026-12-01-001")).findFirst().orElseThrow();
        assertThat(stored.createdBy()).isEqualTo("elena");
        assertThat(stored.kind()).isEqualTo("CASE_REFERRAL");

        assertThat(api.post("/api/v1/referrals", body.replace("\"safeToCallBack\":\"no\"", "\"safeToCallBack\":\"no\",\"callbackNumber\":\"+359880000778\"")
                .replace("case-referral", "callback"), TestUsers.OLGA, "Idempotency-Key", "olga-2026-12-01-002").statusCode())
                .as("no callback without a yes to safety").isEqualTo(400);
        assertThat(api.post("/api/v1/referrals", body, null, "Idempotency-Key", "anonymous-0001").statusCode()).isEqualTo(401);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "topic         | \"topic\":\"trafficking\"        | \"topic\":\"%s\"",
            "language      | \"language\":\"fa\"              | \"language\":\"xx-very-long-language\"",
            "team          | \"team\":\"protection\"          | \"team\":\"nobody\"",
            "kind          | \"kind\":\"case-referral\"       | \"kind\":\"transfer-everything\"",
            "urgency       | \"urgency\":\"normal\"           | \"urgency\":\"now\"",
            "channel       | \"channel\":\"voice\"            | \"channel\":\"%s\"",
            "notes         | \"notes\":\"x\"                  | \"notes\":\"%s\"",
            "contact       | \"contact\":\"+359880000778\"    | \"contact\":\"+359880000778 ext. 5; drop\"",
    })
    void shouldRefuseAFieldThatNoCaseStoreCouldTakeAndNameIt(String field, String good, String bad) {
        String body = """
                {"kind":"case-referral","team":"protection","topic":"trafficking","urgency":"normal","language":"fa","channel":"voice",
                 "contact":"+359880000778","notes":"x"}""";
        String wrong = body.replace(good, bad.formatted("t".repeat(field.equals("notes") ? 3000 : 150)));
        assertThat(wrong).isNotEqualTo(body);
        var refused = new ApiClient(port).post("/api/v1/referrals", wrong, TestUsers.OLGA, "Idempotency-Key", "bad-field-" + field);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"message\":\"" + field + ":");
        assertThat(new ApiClient(port).post("/api/v1/referrals", body, TestUsers.OLGA, "Idempotency-Key", "good-field-" + field)
                .statusCode()).isEqualTo(201);
    }
}
