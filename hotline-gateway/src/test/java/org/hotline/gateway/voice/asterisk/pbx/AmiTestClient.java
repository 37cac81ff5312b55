package org.hotline.gateway.voice.asterisk.pbx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The test's own view of the real Asterisk over AMI, on a plain socket: it sends actions and keeps
 * every event, so a test waits for what Asterisk says happened (an AGI command starting, a queue
 * member called, a phone ringing) instead of for time to pass.
 */
final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final Writer out;
    private final List<Map<String, String>> events = new ArrayList<>();
    private final Map<String, CompletableFuture<Map<String, String>>> pending = new ConcurrentHashMap<>();
    private final AtomicLong actionIds = new AtomicLong();

    AmiTestClient(int port, String username, String secret) throws IOException {
        socket = new Socket("127.0.0.1", port);
        out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        in.readLine(); // "Asterisk Call Manager/…"
        Thread.ofPlatform().daemon().name("ami-test-reader").start(() -> read(in));
        send("Login", "Username", username, "Secret", secret, "Events", "on");
    }

    private void read(BufferedReader in) {
        try {
            Map<String, String> packet = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        packet.merge(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), (a, b) -> a + "\n" + b);
                    }
                    continue;
                }
                if (packet.containsKey("Event")) {
                    synchronized (events) {
                        events.add(packet);
                        events.notifyAll();
                    }
                } else if (packet.containsKey("ActionID")) {
                    var waiting = pending.remove(packet.get("ActionID"));
                    if (waiting != null) {
                        waiting.complete(packet);
                    }
                }
                packet = new LinkedHashMap<>();
            }
        } catch (IOException closed) {
            // the test closed the connection, or Asterisk stopped
        }
    }

    /** Sends an action ({@code "Originate", "Channel", "Local/…"}) and returns Asterisk's response; an error response throws. */
    Map<String, String> send(String action, String... fields) {
        String id = "t" + actionIds.incrementAndGet();
        var response = new CompletableFuture<Map<String, String>>();
        pending.put(id, response);
        StringBuilder text = new StringBuilder("Action: ").append(action).append("\r\nActionID: ").append(id).append("\r\n");
        for (int i = 0; i < fields.length; i += 2) {
            text.append(fields[i]).append(": ").append(fields[i + 1]).append("\r\n");
        }
        try {
            synchronized (out) {
                out.write(text.append("\r\n").toString());
                out.flush();
            }
            Map<String, String> answer = response.get(30, TimeUnit.SECONDS);
            if ("Error".equalsIgnoreCase(answer.get("Response"))) {
                throw new IllegalStateException(action + " refused: " + answer.get("Message"));
            }
            return answer;
        } catch (Exception e) {
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(action + " failed: " + e, e);
        }
    }

    /** How many events have come so far: a mark to wait from. */
    int mark() {
        synchronized (events) {
            return events.size();
        }
    }

    /** Every event so far that matches. */
    List<Map<String, String>> seen(Predicate<Map<String, String>> matching) {
        synchronized (events) {
            return events.stream().filter(matching).toList();
        }
    }

    /** The first event at or after {@code from} that matches, waiting for it up to {@code limit}. */
    Map<String, String> await(int from, Predicate<Map<String, String>> matching, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (events) {
            int next = from;
            while (true) {
                for (; next < events.size(); next++) {
                    if (matching.test(events.get(next))) {
                        return events.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Asterisk never reported " + what + " within " + limit);
                }
                try {
                    events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }
    }

    /** Matches events of this name whose fields have these values, e.g. {@code event("UserEvent", "UserEvent", "PhoneRang")}. */
    static Predicate<Map<String, String>> event(String name, String... fields) {
        return e -> {
            if (!name.equalsIgnoreCase(e.get("Event"))) {
                return false;
            }
            for (int i = 0; i < fields.length; i += 2) {
                if (!fields[i + 1].equals(e.get(fields[i]))) {
                    return false;
                }
            }
            return true;
        };
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
