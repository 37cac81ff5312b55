package org.hotline.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Debian's headless Chromium driven through its chromedriver, as this machine's closed network needs
 * it (no background connections). A plain WebDriver session: no DevTools connection, whose
 * websocket Selenium may wait minutes for with some Chromium builds. Quitting stops the driver too.
 */
public final class HeadlessChromium extends RemoteWebDriver {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Far above a page's load on a busy machine, far below ChromeDriver's own five minutes. */
    static final java.time.Duration PAGE_LOAD_LIMIT = java.time.Duration.ofSeconds(90);

    private final ChromeDriverService service;

    private HeadlessChromium(ChromeDriverService service, ChromeOptions options) {
        super(service.getUrl(), options);
        this.service = service;
    }

    /** A new browser with an empty profile; {@code prefs}: Chromium's profile preferences (notifications allowed, say). */
    public static HeadlessChromium open(Map<String, Object> prefs) throws IOException {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        // a click or key that navigates returns once the new page's document is parsed (its deferred
        // scripts run), not when every last resource has come: a console page keeps event streams
        // open, and under load a wait for the full load could outlast any bound. Tests wait for what
        // they look for; the page-load bound turns a page that never comes into a failure, not a hang.
        options.setPageLoadStrategy(org.openqa.selenium.PageLoadStrategy.EAGER);
        options.setPageLoadTimeout(PAGE_LOAD_LIMIT);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        service.start();
        try {
            return new HeadlessChromium(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    @Override
    public void quit() {
        try {
            super.quit();
        } finally {
            service.stop();
        }
    }
}
