package org.hotline.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start to healthy on embedded defaults, and idle memory: runs {@code ./hotline run} exactly as an
 * operator does, polls /actuator/health until UP, then reads the process's resident memory after it
 * idles. The first start (which may prepare the start-up cache) is not counted.
 * Targets: ≤ 4 s and ≤ 300 MB RSS. Arguments: LAUNCHER [runs].
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        String launcher = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        List<Long> startMillis = new ArrayList<>();
        List<Long> rssMb = new ArrayList<>();
        for (int run = -1; run < runs; run++) {
            int port = TwilioWebhookBenchmark.freePort();
            Path data = Files.createTempDirectory("hotline-bench");
            ProcessBuilder builder = new ProcessBuilder(launcher, "run", "--server.port=" + port)
                    .redirectErrorStream(true).redirectOutput(data.resolve("out.log").toFile());
            builder.environment().put("HOTLINE_DATA_DIR", data.toString());
            long begin = System.nanoTime();
            Process process = builder.start();
            try {
                waitHealthy(http, port, process);
                if (run < 0) {
                    continue;
                }
                startMillis.add((System.nanoTime() - begin) / 1_000_000);
                // idle: let start-up garbage settle, then read what the process holds
                Thread.sleep(5000);
                rssMb.add(rssKb(process.pid()) / 1024);
            } finally {
                process.destroy();
                process.waitFor();
            }
            System.out.printf("run %d: healthy after %d ms, idle RSS %d MB%n", run + 1, startMillis.getLast(), rssMb.getLast());
        }
        System.out.printf("start to healthy: median %d ms (target <= 4000 ms); idle RSS: median %d MB (target <= 300 MB)%n",
                median(startMillis), median(rssMb));
    }

    private static void waitHealthy(HttpClient http, int port, Process process) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not healthy within 60 s");
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

}
