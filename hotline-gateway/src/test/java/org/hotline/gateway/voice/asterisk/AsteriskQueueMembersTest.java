package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.gateway.callscreen.CallContext;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.RoutingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Queue membership and the officers' call screens over AMI, against a fake Asterisk manager on a real socket. */
@SpringBootTest
class AsteriskQueueMembersTest {

    static final FakeAsteriskManager asterisk = new FakeAsteriskManager("hotline", "test-ami-secret");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        asterisk.gatewayLogsIn(registry, dataDir);
    }

    @AfterAll
    static void stopAsterisk() throws Exception {
        asterisk.close();
    }

    @Autowired RoutingService routing;
    @Autowired CallScreens screens;

    /** The last thing Asterisk was told about Elena's phone: what her membership is now. */
    static String lastAboutElena() {
        synchronized (asterisk.actions) {
            return asterisk.actions.reversed().stream().filter(a -> a.contains("interface=PJSIP/201 ")
                    || a.endsWith("interface=PJSIP/201")).findFirst().orElse("");
        }
    }

    @Test
    void shouldKeepTheQueuesInStepWithPresenceAndHealAfterAReconnect() throws Exception {
        // logged in with the MD5 challenge; everybody starts offline, so nobody is a member
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(asterisk.actions).contains(
                "QueueRemove queue=counter-trafficking interface=PJSIP/201", "QueueRemove queue=visa-centre interface=PJSIP/231"));
        assertThat(asterisk.logins).containsExactly("accepted");

        routing.setPresence("elena", Presence.AVAILABLE, "test");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(asterisk.actions).contains("QueueAdd queue=counter-trafficking interface=PJSIP/201 membername=elena paused=false");
            assertThat(lastAboutElena()).isEqualTo("QueuePause queue=counter-trafficking interface=PJSIP/201 paused=false");
        });

        routing.setPresence("elena", Presence.AWAY, "visiting a reception centre");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lastAboutElena()).isEqualTo("QueuePause queue=counter-trafficking interface=PJSIP/201 paused=true"));

        // Asterisk restarts: the gateway logs in again and sends the whole picture
        asterisk.actions.clear();
        asterisk.drop();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(asterisk.logins).containsExactly("accepted", "accepted");
            assertThat(asterisk.actions).contains("QueueAdd queue=counter-trafficking interface=PJSIP/201 membername=elena paused=true",
                    "QueueRemove queue=counter-trafficking interface=PJSIP/209");
            assertThat(lastAboutElena()).isEqualTo("QueuePause queue=counter-trafficking interface=PJSIP/201 paused=true");
        });

        routing.setPresence("elena", Presence.OFFLINE, "end of shift");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(lastAboutElena()).isEqualTo("QueueRemove queue=counter-trafficking interface=PJSIP/201"));
    }

    @Test
    void shouldSetAwayAnAvailableOfficerWhosePhoneIsUnreachable() {
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.logins.contains("accepted"));
        routing.setPresence("nadia", Presence.AVAILABLE, "test");
        await().atMost(Duration.ofSeconds(5)).until(() -> asterisk.actions.contains(
                "QueueAdd queue=counter-trafficking interface=PJSIP/202 membername=nadia paused=false"));

        asterisk.emit("Event: QueueMemberStatus", "Queue: counter-trafficking", "MemberName: nadia", "Interface: PJSIP/202",
                "StateInterface: PJSIP/202", "Membership: dynamic", "Penalty: 0", "CallsTaken: 0", "Status: 5", "Paused: 0");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(routing.router().statusOf(routing.snapshot(), "nadia").declared()).isEqualTo(Presence.AWAY);
            assertThat(asterisk.actions).contains("QueuePause queue=counter-trafficking interface=PJSIP/202 paused=true");
        });
        routing.setPresence("nadia", Presence.OFFLINE, "test over");
    }

    @Test
    void shouldShowTheCallOnTheScreenOfTheOfficerAsteriskRingsAndTakeItAwayWhenItRingsOut() {
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.logins.contains("accepted"));
        // the AGI side queued the caller: the context is kept under the channel's unique id
        screens.waiting(new CallContext("AGI-call-7", "1733130000.77", ContactChannel.ASTERISK, "counter-trafficking", "ar",
                "trafficking", true, List.of("language", "topic", "trafficking_route"), java.time.Instant.now(), "yes", 2, "voicemail",
                java.time.Instant.now().minusSeconds(86_400)));

        asterisk.emit("Event: AgentCalled", "Queue: counter-trafficking", "Channel: PJSIP/trunk-00000007", "Uniqueid: 1733130000.77",
                "DestChannel: PJSIP/201-00000008", "DestUniqueid: 1733130000.78", "Interface: PJSIP/201", "MemberName: elena");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(screens.of("elena")).hasValueSatisfying(v -> {
            assertThat(v.screen().stage()).isEqualTo(CallScreens.Stage.OFFERED);
            assertThat(v.screen().callId()).isEqualTo("AGI-call-7");
            assertThat(v.context()).hasValueSatisfying(c -> assertThat(c.earlierContacts()).isEqualTo(2));
        }));

        asterisk.emit("Event: AgentRingNoAnswer", "Queue: counter-trafficking", "Channel: PJSIP/trunk-00000007",
                "Uniqueid: 1733130000.77", "Interface: PJSIP/201", "MemberName: elena", "RingTime: 20");
        await().atMost(Duration.ofSeconds(5)).until(() -> screens.of("elena").isEmpty());

        // Nadia picks up: offered, then on the call; a phone that is not an officer's has no screen
        asterisk.emit("Event: AgentCalled", "Queue: counter-trafficking", "Uniqueid: 1733130000.77", "Interface: PJSIP/202", "MemberName: nadia");
        asterisk.emit("Event: AgentConnect", "Queue: counter-trafficking", "Uniqueid: 1733130000.77", "Interface: PJSIP/202",
                "MemberName: nadia", "HoldTime: 25", "RingTime: 3");
        asterisk.emit("Event: AgentCalled", "Queue: counter-trafficking", "Uniqueid: 1733130000.77", "Interface: PJSIP/299", "MemberName: reception-phone");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(screens.of("nadia")).hasValueSatisfying(v ->
                assertThat(v.screen().stage()).isEqualTo(CallScreens.Stage.ON_CALL)));
        assertThat(screens.of("reception-phone")).isEmpty();
    }
}
