package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.hotline.gateway.calllog.CallLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** FastAGI and AMI together: the call record of an answered call carries the talk time AMI reports. */
// a Tuesday morning in office hours: the result must not depend on when the suite runs
@org.springframework.context.annotation.Import(org.hotline.gateway.testing.TuesdayMorning.class)
@SpringBootTest
class AsteriskTalkTimeTest {

    static final int AGI_PORT = AsteriskCallTest.freePort();
    static final FakeAsteriskManager asterisk = new FakeAsteriskManager("hotline", "test-ami-secret");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AsteriskCallTest.agiOn(registry, AGI_PORT, dataDir);
        asterisk.gatewayLogsIn(registry, dataDir);
    }

    @AfterAll
    static void stopAsterisk() throws Exception {
        asterisk.close();
    }

    @Autowired CallLog callLog;

    @Test
    void shouldLogHowLongTheOfficerTalked() {
        await().atMost(Duration.ofSeconds(10)).until(() -> asterisk.logins.contains("accepted"));

        new AsteriskCaller().presses("2", "1").answeredBy("elena")
                .whileQueued(() -> asterisk.emit("Event: AgentComplete", "Privilege: agent,all", "Channel: PJSIP/trunk-00000001",
                        "Uniqueid: 1764576000.501", "Linkedid: 1764576000.501", "Queue: counter-trafficking",
                        "MemberName: elena", "Interface: PJSIP/201", "HoldTime: 12", "TalkTime: 240", "Reason: caller"))
                .call(AGI_PORT, "1764576000.501", "+359888000501");

        var logged = callLog.recent(r -> r.providerRef() != null && r.providerRef().startsWith("1764576000.501 "), 1).getFirst();
        assertThat(logged.outcome().wireName()).isEqualTo("answered");
        assertThat(logged.officerId()).isEqualTo("elena");
        assertThat(logged.talkTime()).isEqualTo(Duration.ofSeconds(240));
    }
}
