package org.hotline.gateway.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.gateway.HotlineGatewayApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Simultaneous calls over FastAGI: the gateway runs in this JVM (run it with -Xmx512m), and as many
 * simulated Asterisk channels as asked call it over real sockets. Each caller answers the menus
 * (English, trafficking) and then waits in the queue, or records a message when the team is closed,
 * for {@code hold} seconds, so all calls are up at once; then an officer takes it. A step is the
 * time from Asterisk's reply to the gateway's next command. Arguments: [calls] [hold seconds].
 */
public final class FastAgiBenchmark {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int hold = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int agiPort = TwilioWebhookBenchmark.freePort();
        Path data = Files.createTempDirectory("bench-agi");
        try (ConfigurableApplicationContext app = SpringApplication.run(HotlineGatewayApplication.class,
                "--server.port=" + TwilioWebhookBenchmark.freePort(), "--HOTLINE_DATA_DIR=" + data, "--hotline.asterisk.agi.enabled=true",
                "--hotline.asterisk.agi.port=" + agiPort, "--hotline.asterisk.agi.bind=127.0.0.1", "--logging.level.root=WARN")) {
            System.out.println("warming up: 300 calls without waiting");
            round(agiPort, 300, 0, 1_000_000);
            long started = System.nanoTime();
            Result burst = round(agiPort, 1_000, 0, 1_500_000);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("completed calls per second, 1,000 whole calls (27 steps each) arriving at once: %.0f calls/s (%,d failed)%n",
                    burst.completed() / seconds, burst.failed());
            System.out.printf("measuring: %,d calls, each waiting %d s%n", calls, hold);
            Result result = round(agiPort, calls, hold, 2_000_000);
            long[] steps = result.steps();
            long[] first = result.firstSteps();
            Arrays.sort(steps);
            Arrays.sort(first);
            System.out.printf("%nsimultaneous calls (peak): %,d of %,d (target >= 1,000); completed: %,d, failed: %,d%n",
                    result.peak(), calls, result.completed(), result.failed());
            System.out.printf("steps: %,d; p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 20 ms)%n", steps.length,
                    at(steps, 0.50), at(steps, 0.99), steps.length == 0 ? 0 : steps[steps.length - 1] / 1e6);
            System.out.printf("  of which the first of each call (connection -> ANSWER): p50 %.2f ms, p99 %.2f ms%n", at(first, 0.50),
                    at(first, 0.99));
            System.out.printf("heap in use with all calls up, after a full GC: %,d MB (max heap %,d MB; target <= 512 MB)%n",
                    result.heapMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    record Result(long[] steps, long[] firstSteps, int peak, int completed, int failed, long heapMb) {}

    static Result round(int port, int calls, int holdSeconds, long firstNumber) throws Exception {
        var steps = new ConcurrentLinkedQueue<long[]>();
        var up = new AtomicInteger();
        var peak = new AtomicInteger();
        var completed = new AtomicInteger();
        var failed = new AtomicInteger();
        var allHolding = new CountDownLatch(calls);
        long[] heapMb = {0};
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            if (holdSeconds > 0) {
                // with everybody waiting in the queue: what does the gateway hold in memory?
                callers.submit(() -> {
                    allHolding.await();
                    System.gc();
                    heapMb[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
                    return null;
                });
            }
            for (int i = 0; i < calls; i++) {
                String caller = "+3597" + (firstNumber + i);
                String id = "1764576000." + (firstNumber + i);
                callers.submit(() -> {
                    try {
                        int now = up.incrementAndGet();
                        peak.accumulateAndGet(now, Math::max);
                        steps.add(call(port, id, caller, holdSeconds, allHolding));
                        completed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        allHolding.countDown();
                    } finally {
                        up.decrementAndGet();
                    }
                });
                if (holdSeconds > 0 && i % 50 == 49) {
                    Thread.sleep(100); // calls arrive over a few seconds, not in one instant
                }
            }
        }
        long[] all = steps.stream().flatMapToLong(Arrays::stream).toArray();
        long[] first = steps.stream().filter(s -> s.length > 0).mapToLong(s -> s[0]).toArray();
        return new Result(all, first, peak.get(), completed.get(), failed.get(), heapMb[0]);
    }

    /** One call; returns its step latencies in nanoseconds. */
    static long[] call(int port, String id, String callerId, int holdSeconds, CountDownLatch allHolding) throws Exception {
        List<Long> steps = new ArrayList<>();
        String[] keys = {"2", "1"};
        int pressed = 0;
        boolean held = false;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            socket.setTcpNoDelay(true);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write("agi_network: yes\nagi_network_script: hotline\nagi_request: agi://127.0.0.1/hotline\nagi_channel: PJSIP/trunk-"
                    + id + "\nagi_uniqueid: " + id + "\nagi_callerid: " + callerId + "\nagi_context: hotline\nagi_extension: s\n"
                    + "agi_priority: 1\n\n");
            out.flush();
            long repliedAt = System.nanoTime();
            String command;
            while ((command = in.readLine()) != null) {
                steps.add(System.nanoTime() - repliedAt);
                String reply;
                if (command.startsWith("WAIT FOR DIGIT")) {
                    reply = "200 result=" + (int) (pressed < keys.length ? keys[pressed++] : "1").charAt(0);
                } else if (command.startsWith("GET DATA")) {
                    reply = "200 result=1";
                } else if (command.startsWith("STREAM FILE")) {
                    reply = "200 result=0 endpos=8000";
                } else if (command.startsWith("EXEC \"Queue\"") || command.startsWith("RECORD FILE")) {
                    if (!held) {
                        held = true;
                        allHolding.countDown();
                        Thread.sleep(holdSeconds * 1000L);
                    }
                    reply = command.startsWith("RECORD") ? "200 result=35 (dtmf) endpos=48000" : "200 result=0";
                } else if (command.equals("GET VARIABLE \"MEMBERNAME\"")) {
                    reply = "200 result=1 (elena)";
                } else if (command.startsWith("GET VARIABLE")) {
                    reply = "200 result=0";
                } else {
                    reply = command.startsWith("ANSWER") ? "200 result=0" : "200 result=1";
                }
                out.write(reply + "\n");
                out.flush();
                repliedAt = System.nanoTime();
            }
        }
        if (!held) {
            allHolding.countDown();
        }
        // the first step is the gateway's answer to the connection (accept, the agi_ environment, the
        // flow's start): also a wait for the caller
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    static double at(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
