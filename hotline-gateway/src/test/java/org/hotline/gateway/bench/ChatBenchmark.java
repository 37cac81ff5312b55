package org.hotline.gateway.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.HotlineGatewayApplication;
import org.hotline.gateway.testing.TestRedis;
import org.hotline.gateway.testing.TwilioSigner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Inbound chat on Redis, webhook to team inbox: people who have reached a team (their conversations
 * wait in its queue) keep writing on WhatsApp; each message is a signed Twilio webhook, and it
 * counts as arrived when the inbox's server-sent event for it reaches a signed-in supervisor.
 * Prints messages per second (closed loop), p50/p99 from webhook to inbox event, and whether any
 * message was lost (every one must show as an event and in its conversation). A local HTTP server
 * stands in for Twilio's Messages API (for the flow's answers while the conversations are set up).
 * Arguments: [seconds] [concurrent senders] [conversations].
 */
public final class ChatBenchmark {

    static final String TOKEN = "bench-token";
    static final String PUBLIC = "https://hotline.example.org";
    static final String HOTLINE = "whatsapp:+359884602185";
    private static final Pattern EVENT = Pattern.compile("\"kind\":\"(\\w+)\",\"conversationId\":\"(\\w+)\"");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int conversations = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        HttpServer twilio = fakeTwilio();
        try {
            String redisUrl = TestRedis.url();
            int port = TwilioWebhookBenchmark.freePort();
            Path data = Files.createTempDirectory("bench-data");
            String hash = new BCryptPasswordEncoder(4).encode("pw");
            try (ConfigurableApplicationContext app = SpringApplication.run(HotlineGatewayApplication.class,
                    "--server.port=" + port, "--HOTLINE_STORE=redis", "--spring.data.redis.url=" + redisUrl,
                    "--HOTLINE_PII_KEY=" + Base64.getEncoder().encodeToString(PiiCipher.newKey()), "--HOTLINE_DATA_DIR=" + data,
                    "--hotline.twilio.auth-token=" + TOKEN, "--hotline.twilio.account-sid=ACbench", "--hotline.public-base-url=" + PUBLIC,
                    "--hotline.twilio.api-base-url=http://localhost:" + twilio.getAddress().getPort(),
                    "--hotline.security.users[0].username=bench", "--hotline.security.users[0].password-hash=" + hash,
                    "--hotline.security.users[0].roles=supervisor", "--logging.level.root=WARN")) {
                Inbox inbox = new Inbox(port);
                Webhooks webhooks = new Webhooks(port);
                String[] people = new String[conversations];
                long setupStart = System.nanoTime();
                long[] phases = new long[4];
                for (int i = 0; i < conversations; i++) {
                    people[i] = String.format("whatsapp:+35988%07d", i);
                    long t0 = System.nanoTime();
                    webhooks.send(people[i], "hello");
                    long t1 = System.nanoTime();
                    String[] opened = inbox.opened.poll(10, TimeUnit.SECONDS);
                    long t2 = System.nanoTime();
                    phases[0] += t1 - t0;
                    phases[1] += t2 - t1;
                    if (opened == null) {
                        throw new IllegalStateException("no conversation opened for person " + i);
                    }
                    inbox.waiting.put(opened[0], new ArrayDeque<>());
                    inbox.conversationOf.put(people[i], opened[0]);
                    long t3 = System.nanoTime();
                    webhooks.send(people[i], "2");
                    long t4 = System.nanoTime();
                    webhooks.send(people[i], "1");
                    phases[2] += t4 - t3;
                    phases[3] += System.nanoTime() - t4;
                }
                System.out.printf("per first contact: hello %.2f ms, event %.2f ms, choose language %.2f ms, choose topic %.2f ms%n",
                        phases[0] / 1e6 / conversations, phases[1] / 1e6 / conversations, phases[2] / 1e6 / conversations,
                        phases[3] / 1e6 / conversations);
                double setup = 3.0 * conversations / ((System.nanoTime() - setupStart) / 1e9);
                // the flow's answers (three per person) reach "Twilio" before the measurement starts
                while (twilioRequests.get() < 3L * conversations) {
                    Thread.sleep(100);
                }
                System.out.printf("%nset-up: %d conversations (language, topic, queued) at %.0f first-contact messages/s, one at a time, "
                        + "each answered by the flow%n", conversations, setup);

                AtomicLong sentWhileMeasuring = new AtomicLong();
                AtomicLong sent = new AtomicLong();
                AtomicLong errors = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicBoolean measuring = new AtomicBoolean();
                try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int w = 0; w < senders; w++) {
                        int worker = w;
                        executor.submit(() -> {
                            int n = 0;
                            while (!stop.get()) {
                                int i = worker + senders * (n++ % Math.max(1, conversations / senders));
                                if (i >= conversations) {
                                    n = 0;
                                    continue;
                                }
                                Deque<Long> queue = inbox.waiting.get(inbox.conversationOf.get(people[i]));
                                synchronized (queue) {
                                    queue.addLast(System.nanoTime());
                                }
                                try {
                                    webhooks.send(people[i], "message " + n + " from the person, with some words in it");
                                    sent.incrementAndGet();
                                    if (measuring.get()) {
                                        sentWhileMeasuring.incrementAndGet();
                                    }
                                } catch (Exception e) {
                                    errors.incrementAndGet();
                                    synchronized (queue) {
                                        queue.pollLast();
                                    }
                                }
                            }
                            return null;
                        });
                    }
                    Thread.sleep(Math.max(5, seconds / 2) * 1000L);
                    inbox.measuring.set(true);
                    measuring.set(true);
                    long start = System.nanoTime();
                    Thread.sleep(seconds * 1000L);
                    measuring.set(false);
                    inbox.measuring.set(false);
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    stop.set(true);
                    executor.shutdown();
                    executor.awaitTermination(30, TimeUnit.SECONDS);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (inbox.arrived.get() < sent.get() && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    long[] sorted = inbox.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                    System.out.printf("inbound chat, webhook -> team inbox on Redis: %.0f messages/s with %d senders (target >= 2,000)%n",
                            sentWhileMeasuring.get() / elapsed, senders);
                    System.out.printf("webhook -> inbox event: p50 %.2f ms, p99 %.2f ms (target p99 <= 50 ms)%n",
                            sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
                    long stored = 0;
                    for (int i = 0; i < conversations; i++) {
                        stored += webhooks.inboundMessages(inbox.conversationOf.get(people[i])) - 3;
                    }
                    System.out.printf("messages sent %d, inbox events %d, stored in their conversations %d: %d lost; %d webhooks failed%n",
                            sent.get(), inbox.arrived.get(), stored, sent.get() - Math.min(inbox.arrived.get(), stored), errors.get());
                }
            }
        } finally {
            twilio.stop(0);
            TestRedis.stop();
        }
    }

    /** The supervisor's event stream: which conversation each event is about, and when it arrived. */
    static final class Inbox {
        final LinkedBlockingQueue<String[]> opened = new LinkedBlockingQueue<>();
        final Map<String, Deque<Long>> waiting = new ConcurrentHashMap<>();
        final Map<String, String> conversationOf = new ConcurrentHashMap<>();
        final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong arrived = new AtomicLong();
        final AtomicBoolean measuring = new AtomicBoolean();

        Inbox(int port) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/conversations/events"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bench:pw".getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "text/event-stream").GET().build();
            LinkedBlockingQueue<Boolean> ready = new LinkedBlockingQueue<>();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                if (line.startsWith("event:ready")) {
                    ready.add(true);
                }
                Matcher m = EVENT.matcher(line);
                if (m.find()) {
                    on(m.group(1), m.group(2));
                }
            }));
            if (ready.poll(10, TimeUnit.SECONDS) == null) {
                throw new IllegalStateException("the inbox event stream did not open");
            }
        }

        private void on(String kind, String conversation) {
            long now = System.nanoTime();
            if (kind.equals("conversation")) {
                if (seen.add(conversation)) {
                    opened.add(new String[] {conversation});
                }
            } else if (kind.equals("message")) {
                Deque<Long> sent = waiting.get(conversation);
                if (sent != null) {
                    Long at;
                    synchronized (sent) {
                        at = sent.pollFirst();
                    }
                    if (at != null) {
                        arrived.incrementAndGet();
                        if (measuring.get()) {
                            latencies.add(now - at);
                        }
                    }
                }
            }
        }
    }

    /** Signed Twilio webhooks (one kept-alive connection per sender), and the supervisor's view of a conversation. */
    static final class Webhooks {
        private final HttpClient http = HttpClient.newHttpClient();
        private final ThreadLocal<RawHttp> connections;
        private final int port;
        private final AtomicLong sids = new AtomicLong();

        Webhooks(int port) {
            this.port = port;
            this.connections = ThreadLocal.withInitial(() -> new RawHttp("127.0.0.1", port));
        }

        void send(String person, String body) throws Exception {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("MessageSid", String.format("SM%032x", sids.incrementAndGet()));
            form.put("AccountSid", "ACbench");
            form.put("From", person);
            form.put("To", HOTLINE);
            form.put("Body", body);
            form.put("NumMedia", "0");
            String path = "/webhooks/twilio/messaging";
            RawHttp.Response response = connections.get().post(path, "application/x-www-form-urlencoded", TwilioSigner.form(form),
                    "X-Twilio-Signature", TwilioSigner.sign(TOKEN, PUBLIC + path, form));
            if (response.status() != 200) {
                throw new IllegalStateException("the gateway answered " + response.status() + ": " + response.body());
            }
        }

        long inboundMessages(String conversation) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/conversations/" + conversation + "/messages"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("bench:pw".getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return Pattern.compile("\"direction\":\"in\"").matcher(response.body()).results().count();
        }
    }

    static final AtomicLong twilioRequests = new AtomicLong();

    static HttpServer fakeTwilio() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicLong sids = new AtomicLong();
        server.createContext("/", exchange -> {
            twilioRequests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] answer = String.format("{\"sid\":\"SM%032x\",\"status\":\"queued\"}", sids.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }
}
