package org.hotline.gateway.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real Redis for tests: {@code HOTLINE_TEST_REDIS_URL} if set (it must be a disposable Redis: it is
 * flushed), otherwise a {@code redis-server} started on a free port for the whole test run and
 * stopped at its end. Every test starts from an empty database.
 */
public final class TestRedis implements BeforeAllCallback, BeforeEachCallback {

    private static Server server;

    private record Server(String url, Process process, LettuceConnectionFactory factory, StringRedisTemplate template)
            implements AutoCloseable {
        @Override
        public void close() {
            factory.destroy();
            if (process != null) {
                process.destroy();
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process.destroyForcibly();
            }
        }
    }

    public static synchronized String url() {
        return start().url();
    }

    public static synchronized StringRedisTemplate template() {
        return start().template();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // closed when the whole run ends, whichever test class started it
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(TestRedis.class.getName(), k -> new ShutdownHook(), ShutdownHook.class);
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        template().execute(connection -> {
            connection.serverCommands().flushAll();
            return null;
        }, true);
    }

    /** Stops the redis-server started here (JUnit runs do it themselves; benchmarks call it). */
    public static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static final class ShutdownHook implements AutoCloseable {
        @Override
        public void close() {
            stop();
        }
    }

    private static synchronized Server start() {
        if (server != null) {
            return server;
        }
        String external = System.getenv("HOTLINE_TEST_REDIS_URL");
        Process process = null;
        String url;
        int port;
        String host;
        if (external != null && !external.isBlank()) {
            url = external;
            var uri = java.net.URI.create(external);
            host = uri.getHost();
            port = uri.getPort() < 0 ? 6379 : uri.getPort();
        } else {
            port = freePort();
            host = "127.0.0.1";
            url = "redis://127.0.0.1:" + port;
            try {
                Path dir = Files.createTempDirectory("hotline-test-redis");
                process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--dir", dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("redis.log").toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start redis-server (install it, or set HOTLINE_TEST_REDIS_URL)", e);
            }
            Awaitility.await("redis-server on port " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20)).until(() -> accepts(port));
        }
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        factory.afterPropertiesSet();
        factory.start();
        server = new Server(url, process, factory, new StringRedisTemplate(factory));
        return server;
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
