package org.hotline.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.HotlineGatewayApplication;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console's first load, as an officer's browser sees it on loopback: bytes transferred (the page
 * and everything it loads, cache empty) and the time until it is interactive (DOMContentLoaded, the
 * scripts run) and live (the event stream open). Headless Chromium through its chromedriver; the
 * figures come from the browser's own Navigation and Resource Timing.
 */
public final class ConsoleBenchmark {

    private ConsoleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int port = TwilioWebhookBenchmark.freePort();
        String hash = new BCryptPasswordEncoder(4).encode("pw");
        Path data = Files.createTempDirectory("bench-console");
        try (ConfigurableApplicationContext app = SpringApplication.run(HotlineGatewayApplication.class, "--server.port=" + port,
                "--HOTLINE_DATA_DIR=" + data, "--logging.level.root=WARN",
                "--hotline.security.users[0].username=olga", "--hotline.security.users[0].password-hash=" + hash,
                "--hotline.security.users[0].roles=officer", "--hotline.security.users[0].officer=elena")) {
            String base = "http://localhost:" + port;
            List<Long> bytes = new ArrayList<>();
            List<Double> interactive = new ArrayList<>();
            List<Double> live = new ArrayList<>();
            for (int i = 0; i < loads; i++) {
                // a new browser each time: nothing cached, as on the first load of a shift
                WebDriver browser = chromium();
                try {
                    browser.get(base + "/login");
                    browser.findElement(By.id("username")).sendKeys("olga");
                    browser.findElement(By.id("password")).sendKeys("pw", Keys.ENTER);
                    // live, and every resource in (the browser returns on the parsed page, before its load)
                    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "yes".equals(
                            b.findElement(By.tagName("body")).getDomAttribute("data-live"))
                            && "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
                    var js = (JavascriptExecutor) browser;
                    bytes.add(((Number) js.executeScript("""
                            const nav = performance.getEntriesByType('navigation')[0];
                            return performance.getEntriesByType('resource').filter(r => !r.name.includes('/events'))
                                .reduce((sum, r) => sum + r.transferSize, nav.transferSize);""")).longValue());
                    interactive.add(((Number) js.executeScript(
                            "return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;")).doubleValue());
                    live.add(((Number) js.executeScript("return window.consoleLiveAt;")).doubleValue());
                } finally {
                    browser.quit();
                }
            }
            System.out.printf("console first load, %d loads, each in a new browser (cache empty), loopback%n", loads);
            System.out.printf("  transferred: median %,d bytes, max %,d bytes (target < 300 KB)%n", median(bytes), bytes.stream().max(Long::compare).orElseThrow());
            System.out.printf("  interactive (DOMContentLoaded, scripts run): median %.0f ms, max %.0f ms (target < 1 s)%n",
                    medianD(interactive), interactive.stream().max(Double::compare).orElseThrow());
            System.out.printf("  live (event stream open): median %.0f ms, max %.0f ms%n", medianD(live), live.stream().max(Double::compare).orElseThrow());
        }
        System.exit(0);
    }

    static WebDriver chromium() throws java.io.IOException {
        return org.hotline.gateway.testing.HeadlessChromium.open(java.util.Map.of());
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double medianD(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
