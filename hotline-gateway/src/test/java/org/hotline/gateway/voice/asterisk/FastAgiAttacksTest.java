package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Whoever can reach the FastAGI port and is not Asterisk: refused by address before a byte is read;
 * a request that never ends (a line without end, endless lines, silence) is cut off within bounds;
 * a request without a script name is one log line, no stack trace. The script never runs for any of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class FastAgiAttacksTest {

    final AtomicInteger served = new AtomicInteger();
    final AgiScript script = (request, channel) -> {
        served.incrementAndGet();
        channel.answer();
    };
    FastAgiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    int start(List<String> allowedFrom) {
        int port = AsteriskCallTest.freePort();
        server = new FastAgiServer(new AsteriskSettings.Agi(true, "127.0.0.1", port, allowedFrom, 8, Duration.ofSeconds(1),
                Duration.ofHours(4), 8192, 200), Map.of("hotline", script), new SimpleMeterRegistry());
        server.start();
        return port;
    }

    @Test
    void shouldListenOnLoopbackForLoopbackOnlyUnlessTold() {
        var agi = new Binder(new MapConfigurationPropertySource(Map.of("hotline.asterisk.sounds", "hotline")))
                .bindOrCreate("hotline.asterisk", AsteriskSettings.class).agi();
        assertThat(agi.bind()).isEqualTo("127.0.0.1");
        assertThat(agi.allowedFrom()).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(agi.requestTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldCloseAConnectionFromAnAddressNotAllowedBeforeReadingIt() throws Exception {
        int port = start(List.of("10.0.0.0/8"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            // a full, valid request from a fake "Asterisk": it must not matter what it says
            send(socket, new AsteriskCallerRequest(port).text());
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void shouldCutOffALineThatNeverEnds() throws Exception {
        int port = start(List.of("127.0.0.1/32"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            byte[] noNewline = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 2_400; i++) {   // up to 150 MB: the gateway closes long before
                    out.write(noNewline);
                }
            } catch (SocketException closedByTheGateway) {
                // what should happen
            }
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void shouldCutOffARequestWithEndlessLines() throws Exception {
        int port = start(List.of("127.0.0.1/32"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            try {
                for (int i = 0; i < 100_000; i++) {
                    socket.getOutputStream().write(("agi_arg_" + i + ": x\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (SocketException closedByTheGateway) {
                // what should happen
            }
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void shouldCloseASilentConnectionWithinSeconds() throws Exception {
        int port = start(List.of("127.0.0.1/32"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            send(socket, "agi_network: yes\n");
            long start = System.nanoTime();
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
            // the request timeout is 1 s; the bound is generous for a busy machine, and far from four hours
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void shouldRefuseARequestWithoutAScriptInOneLine(CapturedOutput output) throws Exception {
        int port = start(List.of("127.0.0.1/32"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            send(socket, "agi_network: yes\nagi_uniqueid: 1764576000.900\nagi_callerid: +359888000900\n\n");
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).doesNotContain("ANSWER");
        }
        // one line of the gateway's (that Asterisk-Java's own report is not logged is the logging configuration's, see AsteriskCallTest)
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("names no script served here"));
        assertThat(served).hasValue(0);
    }

    @Test
    void shouldStillServeAsteriskItself() {
        int port = start(List.of("127.0.0.1/32"));
        var caller = new AsteriskCaller().call(port, "1764576000.901", "+359888000901");
        assertThat(caller.commands).first().isEqualTo("ANSWER");
        assertThat(served).hasValue(1);
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Everything the gateway sends until it closes the connection (a reset counts as closed). */
    private static String readUntilClosed(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketException reset) {
            // closed with data unread on its side: closed all the same
        }
        return text.toString();
    }

    /** A complete request as Asterisk sends it. */
    private record AsteriskCallerRequest(int port) {
        String text() {
            return String.join("\n", "agi_network: yes", "agi_network_script: hotline", "agi_request: agi://127.0.0.1:" + port + "/hotline",
                    "agi_channel: PJSIP/trunk-00000009", "agi_uniqueid: 1764576000.902", "agi_callerid: +359888000902", "", "");
        }
    }
}
