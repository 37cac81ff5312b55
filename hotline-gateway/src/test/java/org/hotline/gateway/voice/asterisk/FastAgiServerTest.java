package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;

class FastAgiServerTest {

    static final AgiScript ANSWER = (request, channel) -> channel.answer();

    static AsteriskSettings.Agi agi(int port) {
        return new AsteriskSettings.Agi(true, "127.0.0.1", port, List.of("127.0.0.1/32"), 4, Duration.ofSeconds(5), Duration.ofHours(4),
                8192, 200);
    }

    static AsteriskSettings settings(int port) {
        return new AsteriskSettings(agi(port), "hotline", "{team}", "PJSIP/{number}@trunk", "/tmp/recordings",
                new AsteriskSettings.Ami(false, "127.0.0.1", 5038, null, null, "hotline-callback"));
    }

    @Test
    void shouldRefuseToStartWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var server = new FastAgiServer(agi(taken.getLocalPort()), Map.of("hotline", ANSWER), new SimpleMeterRegistry());

            assertThatThrownBy(server::start).hasMessageContaining("hotline.asterisk.agi.port " + taken.getLocalPort());
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void shouldRefuseToStartWhenAnAllowedAddressIsWrong() {
        var settings = new AsteriskSettings.Agi(true, "127.0.0.1", 4573, List.of("127.0.0.1/32", "10.0.0.300/8"), 4, Duration.ofSeconds(5),
                Duration.ofHours(4), 8192, 200);
        assertThatThrownBy(() -> new FastAgiServer(settings, Map.of("hotline", ANSWER), new SimpleMeterRegistry()))
                .hasMessageContaining("hotline.asterisk.agi.allowed-from[1] '10.0.0.300/8'");
    }

    @Test
    void shouldServeAScriptAndStopListeningWhenStopped() throws Exception {
        int port = AsteriskCallTest.freePort();
        var server = new FastAgiServer(agi(port), Map.of("hotline", ANSWER), new SimpleMeterRegistry());
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
        var settings = new AsteriskSettings(agi(4573), "hotline", "hotline-{team}-{language}", "PJSIP/{number}@trunk", "/tmp",
                new AsteriskSettings.Ami(false, "127.0.0.1", 5038, null, null, "hotline-callback"));
        assertThat(settings.queueFor("avrr", "uk")).isEqualTo("hotline-avrr-uk");
    }
}
