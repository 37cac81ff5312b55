package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FastAgiServerTest {

    static AsteriskSettings settings(int port) {
        return new AsteriskSettings(true, "127.0.0.1", port, 4, Duration.ofSeconds(5), "hotline", "{team}", "PJSIP/trunk",
                "/tmp/recordings", new AsteriskSettings.Ami(false, "127.0.0.1", 5038, null, null, "hotline-callback"));
    }

    @Test
    void shouldRefuseToStartWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var server = new FastAgiServer(settings(taken.getLocalPort()), Map.of("hotline", (request, channel) -> channel.answer()));

            assertThatThrownBy(server::start).hasMessageContaining("hotline.asterisk.agi-port " + taken.getLocalPort());
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void shouldServeAScriptAndStopListeningWhenStopped() throws Exception {
        int port = AsteriskCallTest.freePort();
        var server = new FastAgiServer(settings(port), Map.of("hotline", (request, channel) -> channel.answer()));
        server.start();
        try {
            var caller = new AsteriskCaller().call(port, "1764576000.201", "+359888000201");
            assertThat(caller.commands).first().isEqualTo("ANSWER");
            assertThat(caller.variables).containsEntry("AJ_AGISTATUS", "SUCCESS");
        } finally {
            server.stop();
        }
        assertThat(server.isRunning()).isFalse();
        // the port is free again: a restarted gateway can listen on it
        new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")).close();
    }

    @Test
    void shouldNameTheTeamsQueue() {
        var settings = new AsteriskSettings(true, "127.0.0.1", 4573, 4, Duration.ofSeconds(5), "hotline", "hotline-{team}-{language}",
                "PJSIP/trunk", "/tmp", new AsteriskSettings.Ami(false, "127.0.0.1", 5038, null, null, "hotline-callback"));
        assertThat(settings.queueFor("avrr", "uk")).isEqualTo("hotline-avrr-uk");
    }
}
