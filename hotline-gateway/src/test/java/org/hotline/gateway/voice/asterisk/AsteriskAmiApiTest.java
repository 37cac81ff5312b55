package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API over AMI, against a fake Asterisk manager on a real socket: callbacks (an officer asks,
 * the gateway sends Originate, only for callback requests, which carry consent) and the queue
 * picture supervisors see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AsteriskAmiApiTest {

    static final FakeAsteriskManager asterisk = new FakeAsteriskManager("hotline", "test-ami-secret");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        asterisk.gatewayLogsIn(registry, dataDir);
        TestUsers.register(registry);
    }

    @AfterAll
    static void stopAsterisk() throws Exception {
        asterisk.close();
    }

    @LocalServerPort int port;

    ApiClient api() {
        return new ApiClient(port);
    }

    @BeforeEach
    void loggedIn() {
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.logins.contains("accepted"));
    }

    /** A referral an officer takes on the phone, as the API creates it; delivered to the local case store. */
    String referral(String key, String kind, String safe) {
        String body = """
                {"kind":"%s","team":"counter-trafficking","topic":"trafficking","urgency":"normal","language":"en","channel":"voice",
                 "contact":"+359888000401",%s"safeToCallBack":"%s","consentNote":"asked at the end of the call"}""".formatted(kind,
                "yes".equals(safe) ? "\"callbackNumber\":\"+359888000401\"," : "", safe);
        HttpResponse<String> created = api().post("/api/v1/referrals", body, TestUsers.OLGA, "Idempotency-Key", key);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/v1/referrals?limit=1000", TestUsers.SUE).body().contains(id));
        return id;
    }

    @Test
    void shouldRingTheOfficerThenThePersonWhenItIsSafe() {
        String id = referral("callback-safe-1", "callback", "yes");

        HttpResponse<String> placed = api().post("/api/v1/referrals/" + id + "/call-back", "", TestUsers.OLGA);

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(asterisk.actions).contains(
                "Originate channel=PJSIP/201 context=hotline-callback exten=s variable=HOTLINE_CALLBACK_DIAL=PJSIP/+359888000401@trunk,"
                        + "HOTLINE_OFFICER=elena,HOTLINE_REFERRAL=" + id));
    }

    @Test
    void shouldDialOnlyCallbackRequests() {
        // a callback request without a yes to safety cannot even be made (the referral model refuses it),
        // so what is left to refuse here is everything that is not a callback request
        String notCallback = referral("case-referral-1", "case_referral", "no");

        HttpResponse<String> refused = api().post("/api/v1/referrals/" + notCallback + "/call-back", "", TestUsers.OLGA);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not a callback request");
        assertThat(api().post("/api/v1/referrals/officer:nope-0000/call-back", "", TestUsers.OLGA).statusCode()).isEqualTo(404);
        // a supervisor who is not an officer has no phone to ring first
        assertThat(api().post("/api/v1/referrals/" + notCallback + "/call-back", "", TestUsers.SUE).statusCode()).isEqualTo(403);
        assertThat(asterisk.actions).noneMatch(a -> a.startsWith("Originate") && a.contains(notCallback));
    }

    // --- attacks and careless clicks ---

    @Test
    void shouldRefuseANumberThatCarriesAnAmiActionOrDialOptions() {
        for (String number : List.of("+359888000401\r\n\r\nAction: Originate\r\nApplication: System\r\nData: id",
                "+359888000401,tTr", "+359888000401&PJSIP/999", "+359888000401^x", "+359888000401|x", "+359888000401$(SHELL id)", "caller; id")) {
            String body = """
                    {"kind":"callback","team":"counter-trafficking","topic":"trafficking","language":"en","channel":"voice",
                     "contact":"+359888000402","callbackNumber":%s,"safeToCallBack":"yes","consentNote":"asked"}"""
                    .formatted(json(number));
            HttpResponse<String> refused = api().post("/api/v1/referrals", body, TestUsers.OLGA, "Idempotency-Key", "inject-" + number.hashCode());
            assertThat(refused.statusCode()).as(number).isEqualTo(400);
            assertThat(refused.body()).contains("callbackNumber");
        }
        assertThat(asterisk.actions).noneMatch(a -> a.contains("System") || a.contains("PJSIP/999"));
    }

    @Test
    void shouldStoreATypedNumberAsE164() {
        String body = """
                {"kind":"callback","team":"counter-trafficking","topic":"trafficking","language":"en","channel":"voice",
                 "contact":"0888 000 403","callbackNumber":"0888-000-403","safeToCallBack":"yes","consentNote":"asked on the phone"}""";
        HttpResponse<String> created = api().post("/api/v1/referrals", body, TestUsers.OLGA, "Idempotency-Key", "typed-number-1");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> placed = api().post("/api/v1/referrals/officer:typed-number-1/call-back", "", TestUsers.OLGA);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(asterisk.actions)
                .anyMatch(a -> a.contains("HOTLINE_CALLBACK_DIAL=PJSIP/+359888000403@trunk,") && a.contains("HOTLINE_REFERRAL=officer:typed-number-1")));
    }

    @Test
    void shouldRefuseAnOfficersYesWithoutANoteOfHowItWasAsked() {
        String body = """
                {"kind":"callback","team":"counter-trafficking","topic":"trafficking","language":"en","channel":"chat",
                 "contact":"+359888000404","callbackNumber":"+359888000404","safeToCallBack":"yes"}""";
        HttpResponse<String> refused = api().post("/api/v1/referrals", body, TestUsers.OLGA, "Idempotency-Key", "no-note-0001");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("consentNote");
    }

    @Test
    void shouldRecordWhoAssertedConsentAndLetOnlyTheTeamOrASupervisorCallBack() {
        String id = referral("team-callback-1", "callback", "yes");

        // the referral says whose yes it is: Elena's, with when and how she asked
        String listed = api().get("/api/v1/referrals?limit=1000", TestUsers.SUE).body();
        assertThat(listed).contains("\"id\":\"" + id + "\"");
        assertThat(listed.substring(listed.indexOf("\"id\":\"" + id + "\"")))
                .contains("\"consentSource\":\"officer\"", "\"consentOfficer\":\"elena\"");

        // Georgi (avrr) may not call back a counter-trafficking referral
        HttpResponse<String> otherTeam = api().post("/api/v1/referrals/" + id + "/call-back", "", TestUsers.GOSHO);
        assertThat(otherTeam.statusCode()).as(otherTeam.body()).isEqualTo(403);
        // Nadia, of the same team, may
        HttpResponse<String> sameTeam = api().post("/api/v1/referrals/" + id + "/call-back", "", TestUsers.NINA);
        assertThat(sameTeam.statusCode()).as(sameTeam.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(asterisk.actions)
                .anyMatch(a -> a.startsWith("Originate channel=PJSIP/") && a.contains("HOTLINE_OFFICER=nadia") && a.contains(id)));
        assertThat(asterisk.actions).noneMatch(a -> a.contains("HOTLINE_OFFICER=georgi") && a.contains(id));

        // every attempt is in the audit trail for supervisors, the number masked
        HttpResponse<String> audit = api().get("/api/v1/audit?action=callback&subject=" + id, TestUsers.SUE);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"actor\":\"gosho\"", "\"outcome\":\"forbidden\"", "\"actor\":\"nina\"",
                "\"outcome\":\"placed\"").doesNotContain("888000401");
        assertThat(api().get("/api/v1/audit", TestUsers.OLGA).statusCode()).isEqualTo(403);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    @Test
    void shouldShowSupervisorsWhoWaitsInAsterisksQueues() {
        asterisk.emit("Event: QueueCallerJoin", "Channel: PJSIP/trunk-00000011", "Uniqueid: 1764576000.611", "Queue: avrr",
                "Position: 1", "Count: 1");
        asterisk.emit("Event: QueueCallerJoin", "Channel: PJSIP/trunk-00000012", "Uniqueid: 1764576000.612", "Queue: avrr",
                "Position: 2", "Count: 2");
        asterisk.emit("Event: QueueCallerJoin", "Channel: PJSIP/trunk-00000013", "Uniqueid: 1764576000.613", "Queue: avrr",
                "Position: 3", "Count: 3");
        asterisk.emit("Event: AgentConnect", "Channel: PJSIP/trunk-00000011", "Uniqueid: 1764576000.611", "Queue: avrr",
                "MemberName: georgi", "Interface: PJSIP/211", "HoldTime: 5", "RingTime: 3");
        asterisk.emit("Event: QueueCallerAbandon", "Channel: PJSIP/trunk-00000012", "Uniqueid: 1764576000.612", "Queue: avrr",
                "Position: 1", "OriginalPosition: 2", "HoldTime: 40");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> queues = api().get("/api/v1/asterisk/queues", TestUsers.SUE);
            assertThat(queues.statusCode()).isEqualTo(200);
            assertThat(queues.body()).contains("{\"queue\":\"avrr\",\"waiting\":1,").contains("\"answered\":1,\"abandoned\":1}");
        });
        assertThat(api().get("/api/v1/asterisk/queues", TestUsers.OLGA).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAskAsteriskWhoWaitsAfterAReconnection() throws Exception {
        asterisk.queueEntries.add(List.of("Queue: protection", "Position: 1", "Channel: PJSIP/trunk-00000021",
                "Uniqueid: 1764576000.621", "Wait: 95", "Priority: 0"));
        int logins = asterisk.logins.size();
        asterisk.drop();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(asterisk.logins).hasSizeGreaterThan(logins);
            assertThat(api().get("/api/v1/asterisk/queues", TestUsers.SUE).body())
                    .containsPattern("\\{\"queue\":\"protection\",\"waiting\":1,\"longestWaitSeconds\":(9[5-9]|1[0-9][0-9]),");
        });
    }
}
