package org.hotline.gateway.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.HotlineGatewayApplication;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.flow.Referral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** On embedded defaults the outbox is in the local database: a referral not yet delivered survives a restart. */
class OutboxSurvivesRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(boolean worker) {
        return new SpringApplicationBuilder(HotlineGatewayApplication.class).run("--server.port=0", "--HOTLINE_DATA_DIR=" + dataDir,
                "--hotline.case-store.worker=" + worker);
    }

    @Test
    void shouldDeliverAfterTheRestartWhatWasNotDeliveredBefore() {
        Referral referral = new Referral("CA88:voicemail_saved", Node.ReferralKind.VOICEMAIL, Node.Priority.NORMAL, "avrr", "return",
                "ru", Channel.VOICE, "unknown", null, null, "RE88", Map.of("topic", "return"));
        try (var before = start(false)) {
            before.getBean(ReferralOutbox.class).add(referral,
                    new OutboxMapper.Origin("+359880000888", null, "https://api.twilio.com/x/RE88", "flow", Instant.now()));
            assertThat(before.getBean(LocalCaseStore.class).count("referral")).isZero();
        }
        try (var after = start(true)) {
            LocalCaseStore store = after.getBean(LocalCaseStore.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> store.count("referral") == 1);
            assertThat(store.recent(1).getFirst().id()).isEqualTo("CA88:voicemail_saved");
        }
    }
}
