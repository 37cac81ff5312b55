package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.callscreen.CallContext;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.interpreter.InterpreterCalls;
import org.hotline.gateway.testing.ApiClient;
import org.hotline.gateway.testing.MovableClock;
import org.hotline.gateway.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Interpreters on an Asterisk call, against a fake AMI on a real socket: the legs learnt from
 * AgentConnect, Originate for each interpreter in turn (an OriginateResponse failure makes way for
 * the next), Setvar and one Redirect of both legs into the conference when one says yes, and the
 * call record finished when the caller leaves the ConfBridge. The clock is Tuesday 10:00 in Sofia.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AsteriskInterpreterTest {

    static final FakeAsteriskManager asterisk = new FakeAsteriskManager("hotline", "test-ami-secret");
    static final Instant TUESDAY_10_SOFIA = Instant.parse("2026-12-01T08:00:00Z");
    static final MovableClock clock = new MovableClock(TUESDAY_10_SOFIA);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        asterisk.gatewayLogsIn(registry, dataDir);
        TestUsers.register(registry);
    }

    @TestConfiguration
    static class Fixtures {
        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }
    }

    @AfterAll
    static void stopAsterisk() throws Exception {
        asterisk.close();
    }

    @LocalServerPort int port;
    @Autowired CallScreens screens;
    @Autowired InterpreterCalls interpreters;
    @Autowired AsteriskInterpreterLine line;
    @Autowired CallLog callLog;
    @Autowired org.hotline.gateway.state.SessionStore store;

    @BeforeEach
    void loggedIn() {
        clock.set(TUESDAY_10_SOFIA);
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.logins.contains("accepted"));
    }

    /** A Pashto caller the queue put through to the interpreter desk, as AMI tells it. */
    void connected(String callId, String uniqueId, String callerChannel, String officerChannel) {
        screens.waiting(new CallContext(callId, uniqueId, ContactChannel.ASTERISK, "counter-trafficking", "ps", "trafficking", true,
                List.of("language", "topic", "trafficking_route"), clock.instant(), null, 0, null, null));
        asterisk.emit("Event: AgentConnect", "Privilege: agent,all", "Channel: " + callerChannel, "Uniqueid: " + uniqueId,
                "DestChannel: " + officerChannel, "DestUniqueid: " + uniqueId + "9", "Queue: counter-trafficking",
                "MemberName: interpreter-desk", "Interface: PJSIP/209", "HoldTime: 12", "RingTime: 3");
        await().atMost(Duration.ofSeconds(10)).until(() -> line.carries(callId)
                && screens.of("interpreter-desk").map(v -> v.screen().stage() == CallScreens.Stage.ON_CALL).orElse(false));
    }

    void originateFailed(String channel) {
        asterisk.emit("Event: OriginateResponse", "Privilege: call,all", "ActionID: " + asterisk.originateIds.get(channel),
                "Response: Failure", "Channel: " + channel, "Context: hotline-interpreter", "Exten: s", "Reason: 3", "Uniqueid: <null>");
    }

    @Test
    void shouldCallInterpretersInTurnAndMoveBothLegsIntoTheConferenceWhenOneSaysYes() {
        connected("AGI00000000000000000000000000000001", "1764576000.11", "Local/caller@test-callers-0001;2", "PJSIP/209-00000001");
        var api = new ApiClient(port);

        assertThat(api.post("/api/v1/calls/AGI00000000000000000000000000000001/interpreter", "{}", TestUsers.IDA).body())
                .contains("\"status\":\"calling\"", "Wahid");
        await().atMost(Duration.ofSeconds(5)).until(() -> asterisk.actions.contains("Originate channel=PJSIP/302 context=hotline-interpreter "
                + "exten=s variable=HOTLINE_CALL=AGI00000000000000000000000000000001,HOTLINE_INTERPRETER=interpreter-wahid,HOTLINE_LANGUAGE=ps"));
        // Wahid does not answer: Zarmina, who has no desk phone, is called through the trunk
        originateFailed("PJSIP/302");
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.actions.contains("Originate channel=PJSIP/+359888100303@trunk "
                + "context=hotline-interpreter exten=s variable=HOTLINE_CALL=AGI00000000000000000000000000000001,"
                + "HOTLINE_INTERPRETER=interpreter-zarmina,HOTLINE_LANGUAGE=ps"));
        assertThat(asterisk.actions).noneMatch(a -> a.startsWith("Redirect"));

        // she presses 1 (the FastAGI script tells the gateway): both legs go into the call's conference, in one Redirect
        assertThat(interpreters.accepted("AGI00000000000000000000000000000001", "interpreter-zarmina")).isTrue();
        assertThat(asterisk.actions).contains(
                "SetVar channel=Local/caller@test-callers-0001;2 variable=HOTLINE_CONFERENCE value=AGI00000000000000000000000000000001",
                "SetVar channel=PJSIP/209-00000001 variable=HOTLINE_CONFERENCE value=AGI00000000000000000000000000000001",
                "Redirect channel=Local/caller@test-callers-0001;2 context=hotline-conference exten=caller "
                        + "extrachannel=PJSIP/209-00000001 extracontext=hotline-conference extraexten=officer");

        // the caller's FastAGI session ends with the redirect: its record waits for the conference to end
        CallRecord unfinished = new CallRecord("AGI00000000000000000000000000000001", ContactChannel.ASTERISK, "+359888000777", "ps",
                "trafficking", "counter-trafficking", List.of("language", "topic", "trafficking_route"), TUESDAY_10_SOFIA.minusSeconds(60),
                clock.instant(), Duration.ZERO, null, Duration.ZERO, CallOutcome.ABANDONED_IN_QUEUE, List.of(), null, "1764576000.11", null);
        assertThat(line.deferIfInConference(unfinished)).isTrue();
        // she leaves after 7 minutes: the call goes on; the caller leaves 2 minutes later
        clock.advance(Duration.ofMinutes(7));
        asterisk.emit("Event: ConfbridgeLeave", "Privilege: call,all", "Conference: AGI00000000000000000000000000000001",
                "Channel: PJSIP/trunk-00000003", "Uniqueid: 1764576000.33");
        await().atMost(Duration.ofSeconds(10)).until(() -> interpreters.of("AGI00000000000000000000000000000001")
                .map(c -> c.stage() == org.hotline.gateway.interpreter.InterpreterCall.Stage.LEFT).orElse(false));
        clock.advance(Duration.ofMinutes(2));
        asterisk.emit("Event: ConfbridgeLeave", "Privilege: call,all", "Conference: AGI00000000000000000000000000000001",
                "Channel: Local/caller@test-callers-0001;2", "Uniqueid: 1764576000.11");

        CallRecord logged = await().atMost(Duration.ofSeconds(10)).until(() -> callLog.recent(
                r -> r.id().equals("AGI00000000000000000000000000000001"), 1).stream().findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(logged.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(logged.officerId()).isEqualTo("interpreter-desk");
        assertThat(logged.queueWait()).isEqualTo(Duration.ofSeconds(12));
        assertThat(logged.interpreters()).singleElement().satisfies(t -> {
            assertThat(t.interpreterId()).isEqualTo("interpreter-zarmina");
            assertThat(t.time()).isEqualTo(Duration.ofMinutes(7));
        });
    }

    @Test
    void shouldWriteTheRecordOnceEvenWhenTheCallerLeavesTheConferenceBeforeTheirSessionHandsItOver() {
        String callId = "AGI00000000000000000000000000000003";
        connected(callId, "1764576000.33", "Local/caller@test-callers-0003;2", "PJSIP/209-00000003");
        assertThat(new ApiClient(port).post("/api/v1/calls/" + callId + "/interpreter", "{}", TestUsers.IDA).body()).contains("calling");
        String interpreter = interpreters.of(callId).orElseThrow().calling();
        assertThat(interpreters.accepted(callId, interpreter)).isTrue();
        asterisk.emit("Event: ConfbridgeLeave", "Privilege: call,all", "Conference: " + callId, "Channel: Local/caller@test-callers-0003;2",
                "Uniqueid: 1764576000.33");
        // the AMI event is handled off its thread: once it has been, the session hands its record over
        await().atMost(Duration.ofSeconds(10)).until(() -> store.get("asterisk:caller-left:" + callId).isPresent());
        assertThat(callLog.recent(r -> r.id().equals(callId), 5)).isEmpty();
        CallRecord unfinished = new CallRecord(callId, ContactChannel.ASTERISK, "+359888000778", "ps", "trafficking", "counter-trafficking",
                List.of("language"), TUESDAY_10_SOFIA.minusSeconds(60), clock.instant(), Duration.ZERO, null, Duration.ZERO,
                CallOutcome.ABANDONED_IN_QUEUE, List.of(), null, "1764576000.33", null);
        assertThat(line.deferIfInConference(unfinished)).isTrue();
        assertThat(callLog.recent(r -> r.id().equals(callId), 5)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED));
        // the interpreter leaves last: free for the next call
        asterisk.emit("Event: ConfbridgeLeave", "Privilege: call,all", "Conference: " + callId, "Channel: PJSIP/trunk-00000009",
                "Uniqueid: 1764576000.39");
        await().atMost(Duration.ofSeconds(10)).until(() -> interpreters.of(callId).orElseThrow().stage()
                == org.hotline.gateway.interpreter.InterpreterCall.Stage.OVER);
    }

    @Test
    void shouldTellTheOfficerWhenNoInterpreterAnswersAndMoveNobody() {
        connected("AGI00000000000000000000000000000002", "1764576000.22", "Local/caller@test-callers-0002;2", "PJSIP/209-00000002");
        var api = new ApiClient(port);
        assertThat(api.post("/api/v1/calls/AGI00000000000000000000000000000002/interpreter", "{}", TestUsers.IDA).body()).contains("calling");
        await().atMost(Duration.ofSeconds(5)).until(() -> asterisk.originateIds.containsKey("PJSIP/302"));
        asterisk.originateIds.remove("PJSIP/+359888100303@trunk");
        originateFailed("PJSIP/302");
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.originateIds.containsKey("PJSIP/+359888100303@trunk"));
        originateFailed("PJSIP/+359888100303@trunk");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/calls/AGI00000000000000000000000000000002/interpreter",
                TestUsers.IDA).body().contains("\"stage\":\"NONE_AVAILABLE\""));
        assertThat(asterisk.actions).noneMatch(a -> a.startsWith("Redirect") && a.contains("test-callers-0002"));
    }
}
