package org.hotline.gateway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.gateway.HotlineGatewayApplication;
import org.hotline.gateway.testing.TestRedis;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.testing.TwilioSigner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Twilio IVR step on Redis against a bare Spring MVC endpoint doing one Redis GET + SET, side
 * by side on the same machine and Redis: each runs alone under the same closed-loop load, then the
 * IVR step runs open-loop at half its throughput for latency. Every IVR request is a real step: a
 * signed webhook following the action URL of the previous answer (the `*` key repeats the menu).
 * Arguments: [seconds per run] [concurrent callers].
 */
public final class TwilioWebhookBenchmark {

    static final String TOKEN = "bench-token";
    static final String PUBLIC = "https://hotline.example.org";
    private static final Pattern ACTION = Pattern.compile("<Gather [^>]*action=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        try {
            // its own redis-server on a free port, as the tests have it
            String redisUrl = TestRedis.url();

            int basePort = freePort();
            double baseline;
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(org.hotline.baseline.BaselineApp.class).run(
                    "--server.port=" + basePort, "--spring.data.redis.url=" + redisUrl, "--logging.level.root=WARN",
                    "--spring.threads.virtual.enabled=true", "--spring.main.banner-mode=off")) {
                baseline = closedLoop(seconds, concurrency, worker -> new BaselineCaller(basePort, worker));
            }

            int gatewayPort = freePort();
            Path data = Files.createTempDirectory("bench-data");
            try (ConfigurableApplicationContext app = SpringApplication.run(HotlineGatewayApplication.class,
                    "--server.port=" + gatewayPort, "--HOTLINE_STORE=redis", "--spring.data.redis.url=" + redisUrl,
                    "--HOTLINE_PII_KEY=" + Base64.getEncoder().encodeToString(PiiCipher.newKey()), "--HOTLINE_DATA_DIR=" + data,
                    "--hotline.twilio.auth-token=" + TOKEN, "--hotline.twilio.account-sid=ACbench", "--hotline.public-base-url=" + PUBLIC,
                    "--logging.level.root=WARN")) {
                double ivr = closedLoop(seconds, concurrency, worker -> new Caller(gatewayPort, worker));
                System.out.printf("%nbare Spring MVC endpoint, one Redis GET + SET: %.0f requests/s%n", baseline);
                System.out.printf("Twilio IVR step (signed webhook -> TwiML) on Redis: %.0f requests/s = %.0f%% of the bare endpoint (target >= 80%%)%n",
                        ivr, 100 * ivr / baseline);
                openLoop(seconds, ivr / 2, worker -> new Caller(gatewayPort, 10_000 + worker));
            }
        } finally {
            TestRedis.stop();
        }
    }

    static volatile String lastError;

    interface Client {
        void step() throws Exception;
    }

    interface Clients {
        Client make(int worker);
    }

    /** Each worker sends its next request as soon as the previous one is answered. */
    static double closedLoop(int seconds, int concurrency, Clients clients) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                Client client = clients.make(w);
                executor.submit(() -> {
                    while (!stop.get()) {
                        try {
                            client.step();
                            if (measuring.get()) {
                                done.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            lastError = e.toString();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(Math.max(5, seconds / 2) * 1000L);   // warm up
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            if (errors.get() > 0) {
                System.out.println("errors: " + errors.get() + " (last: " + lastError + ")");
            }
            return done.get() / elapsed;
        }
    }

    /** Requests start on a fixed schedule whatever the answers; latency counts from the scheduled start. */
    static void openLoop(int seconds, double rate, Clients clients) throws Exception {
        int callers = 64;
        List<Client> pool = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            pool.add(clients.make(i));
        }
        ConcurrentLinkedQueue<Client> idle = new ConcurrentLinkedQueue<>(pool);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong skipped = new AtomicLong();
        long interval = (long) (1e9 / rate);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            long total = (long) (rate * seconds);
            for (long i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                Client client = idle.poll();
                if (client == null) {
                    skipped.incrementAndGet();
                    continue;
                }
                boolean measured = i > total / 5;
                executor.submit(() -> {
                    try {
                        client.step();
                        if (measured) {
                            latencies.add(System.nanoTime() - due);
                        }
                    } catch (Exception e) {
                        skipped.incrementAndGet();
                    } finally {
                        idle.add(client);
                    }
                    return null;
                });
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("at half that load (%.0f requests/s, open loop): p50 %.2f ms, p99 %.2f ms (target p99 <= 10 ms); %d not sent or failed%n",
                rate, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, skipped.get());
    }

    static final class BaselineCaller implements Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI uri;

        BaselineCaller(int port, int worker) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/baseline?key=bench-" + worker);
        }

        /** The same client-side work as an IVR caller (sign a form, read the answer), so the two compare servers. */
        public void step() throws Exception {
            Map<String, String> params = Map.of("CallSid", "CA-baseline", "Digits", "*");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, PUBLIC + uri.getPath(), params))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || ACTION.matcher(response.body()).find()) {
                throw new IllegalStateException("baseline answered " + response.statusCode());
            }
        }
    }

    /** A caller who keeps pressing * at the topic menu, a fresh call every 50 steps. */
    static final class Caller implements Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final int port;
        private final int worker;
        private int call;
        private int steps;
        private String callSid;
        private String next;

        Caller(int port, int worker) {
            this.port = port;
            this.worker = worker;
        }

        public void step() throws Exception {
            if (next == null || steps++ >= 50) {
                callSid = String.format("CA%016d%016d", worker, call++);
                steps = 0;
                String first = post("/webhooks/twilio/voice", params(null));
                next = action(post(action(first), params("2")));
                return;
            }
            next = action(post(next, params("*")));
        }

        private Map<String, String> params(String digits) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("AccountSid", "ACbench");
            p.put("CallSid", callSid);
            p.put("From", String.format("+35988%07d", Math.floorMod(callSid.hashCode(), 10_000_000)));
            p.put("To", "+35929394777");
            p.put("CallStatus", "in-progress");
            if (digits != null) {
                p.put("Digits", digits);
            }
            return p;
        }

        private String post(String pathAndQuery, Map<String, String> params) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery.replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", TwilioSigner.sign(TOKEN, PUBLIC + pathAndQuery.replace("&amp;", "&"), params))
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("technical_error")) {
                throw new IllegalStateException("the gateway answered " + response.statusCode());
            }
            return response.body();
        }

        private static String action(String twiml) {
            Matcher m = ACTION.matcher(twiml);
            if (!m.find()) {
                throw new IllegalStateException("no question in " + twiml);
            }
            return m.group(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
