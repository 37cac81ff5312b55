package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.Router;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.state.MemoryLockManager;
import org.hotline.gateway.state.MemorySessionStore;
import org.hotline.gateway.testing.Shipped;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A wrong AMI secret: the gateway keeps trying, slower each time, and changes nothing in Asterisk. */
class AmiLoginTest {

    @Test
    void shouldRetryARefusedLoginAndSendNothing() throws Exception {
        try (var asterisk = new FakeAsteriskManager("hotline", "the-right-secret")) {
            var connection = new ManagerConnectionFactory("127.0.0.1", asterisk.port(), "hotline", "a-wrong-secret").createManagerConnection();
            var directory = Shipped.directory();
            Clock clock = Clock.systemUTC();
            var routing = new RoutingService(new MemorySessionStore(clock), new MemoryLockManager(clock), new Router(directory, Presence.AVAILABLE),
                    JsonMapper.builder().build(), event -> { }, clock);
            var settings = new AsteriskSettings(FastAgiServerTest.agi(4573), "hotline", "{team}", "PJSIP/{number}@trunk",
                    "/tmp", new AsteriskSettings.Ami(true, "127.0.0.1", asterisk.port(), "hotline", "a-wrong-secret", "hotline-callback"));
            var members = new AsteriskQueueMembers(connection, directory, routing, settings);
            members.start();
            try {
                // refused at once, then again after a pause of a second
                await().atMost(Duration.ofSeconds(15)).until(() -> asterisk.logins.size() >= 2);
                assertThat(asterisk.logins).containsOnly("refused");
                assertThat(asterisk.actions).isEmpty();
            } finally {
                members.stop();
            }
        }
    }
}
