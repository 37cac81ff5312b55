package org.hotline.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.gateway.testing.TestConfig;
import org.hotline.gateway.testing.TestUsers;
import org.hotline.gateway.testing.TelegramUpdates;
import org.hotline.gateway.testing.HeadlessChromium;
import org.hotline.gateway.testing.ShiftedClock;
import org.hotline.gateway.voice.asterisk.FakeAsteriskManager;
import org.hotline.gateway.testing.TuesdayMorning;
import org.hotline.gateway.testing.TwilioSigner;
import org.hotline.gateway.testing.ViberSigner;
import org.hotline.gateway.testing.TwilioTestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.state.StreamStore;
import org.openqa.selenium.interactions.Actions;

/**
 * The console in a real headless Chromium (Debian's chromium and chromedriver): an officer signs in
 * and works with the keyboard, and a WhatsApp conversation that arrives through the signed webhook
 * appears on the page without a reload. WireMock stands in for Twilio's Messages API.
 */
@Import(ConsoleBrowserTest.RealTime.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest {

    static final String TWILIO_TOKEN = "test-auth-token";
    static final String ACCOUNT = "AC00000000000000000000000000000001";
    static final String HOTLINE_WHATSAPP = "whatsapp:+359884602185";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
    static final Path CHROMIUM = HeadlessChromium.CHROMIUM;
    static final Path CHROMEDRIVER = HeadlessChromium.CHROMEDRIVER;
    static final Duration LIMIT = Duration.ofSeconds(30);

    static final String TELEGRAM_TOKEN = "123456:browser-test-bot-token";
    static final String TELEGRAM_SECRET = "telegram-webhook-secret-browser-test-0123";
    static final String VIBER_TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";

    static WireMockServer providers = new WireMockServer(options().dynamicPort().globalTemplating(true));
    /** Asterisk's manager, faked on a real socket: the console's "Call back" places the call through it. */
    static final FakeAsteriskManager asterisk = new FakeAsteriskManager("hotline", "test-ami-secret");

    /** Time runs, from Tuesday morning on (the wrap-up counts down; a test moves a day on for WhatsApp's window). */
    @org.springframework.boot.test.context.TestConfiguration
    static class RealTime {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }
    static final AtomicLong sids = new AtomicLong();

    @TempDir
    static Path dataDir;

    @LocalServerPort int port;
    @Autowired SessionStore store;
    @Autowired StreamStore streams;
    @Autowired ShiftedClock clock;
    @Autowired tools.jackson.databind.json.JsonMapper json;
    @Autowired org.hotline.gateway.routing.RoutingService routing;
    @Autowired CallLog callLog;
    @Autowired org.hotline.gateway.audit.AuditTrail audit;

    final HttpClient http = HttpClient.newHttpClient();
    WebDriver browser;

    @BeforeAll
    static void startProviders() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "no " + CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install chromium chromium-driver): the browser tests do not run";
            if (System.getenv("CI") != null) {
                Assertions.fail(missing + ", and under CI they must");
            }
            Assumptions.abort(missing);
        }
        providers.start();
    }

    @AfterAll
    static void stopProviders() throws IOException {
        providers.stop();
        asterisk.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        asterisk.gatewayLogsIn(registry, dataDir);
        TwilioTestGateway.register(registry, dataDir, TWILIO_TOKEN, ACCOUNT, () -> "http://localhost:" + providers.port());
        TestUsers.register(registry);
        registry.add("hotline.telegram.bot-token", () -> TELEGRAM_TOKEN);
        registry.add("hotline.telegram.webhook-secret", () -> TELEGRAM_SECRET);
        registry.add("hotline.telegram.api-base-url", () -> "http://localhost:" + providers.port());
        registry.add("hotline.viber.auth-token", () -> VIBER_TOKEN);
        registry.add("hotline.viber.api-base-url", () -> "http://localhost:" + providers.port() + "/pa");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        clock.shiftTo(TuesdayMorning.NOW);
        store.remove("routing:state");
        store.remove("chat:open");
        providers.resetAll();
        providers.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + "0".repeat(31) + "1\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"queued\"}")));
        providers.stubFor(post(urlPathEqualTo(CALLS)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CA" + "0".repeat(31) + "9\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"queued\"}")));
        providers.stubFor(post(urlPathEqualTo("/bot" + TELEGRAM_TOKEN + "/sendMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1000 upper=999999}},\"date\":1764576000}}")));
        providers.stubFor(post(urlPathEqualTo("/pa/send_message")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":0,\"status_message\":\"ok\",\"message_token\":{{randomInt lower=100000000 upper=999999999}}"
                        + ",\"chat_hostname\":\"SN-CHAT-05_\"}")));
        browser = chromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Headless Chromium as the machine's own closed network needs it: no background connections. */
    static WebDriver chromium() throws IOException {
        // the officer allowed notifications for the console (a prompt a test cannot click)
        return HeadlessChromium.open(Map.of("profile.default_content_setting_values.notifications", 1));
    }

    @Test
    void shouldLetAnOfficerSignInBecomeAvailableAndSeeAWhatsappConversationArriveWithoutAReload() throws Exception {
        // asked for the console, an officer is sent to sign in, then comes back to it; the keyboard alone
        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.switchTo().activeElement().sendKeys("olga", Keys.TAB, "pw", Keys.ENTER);
        awaitConsole();
        assertThat(text("#presence")).isEqualTo("Offline");
        assertThat(text("#mine-title")).isEqualTo("My conversations");
        screenshot("console-offline");

        tabTo("go-available").sendKeys(Keys.ENTER);
        await().until(b -> text("#presence").equals("Available"));

        // the page stays as it is from now on: a reload would lose this mark
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        await().until(b -> "yes".equals(b.findElement(By.tagName("body")).getDomAttribute("data-live")));
        assertThat(text("#live")).isEqualTo("Live");
        String person = "whatsapp:+359880000301";
        whatsapp(person, "Hello");
        whatsapp(person, "2");
        whatsapp(person, "1");
        awaitOrShow(b -> !b.findElements(By.cssSelector("#mine tbody tr")).isEmpty(), "the conversation in My conversations");
        assertThat(text("#mine tbody tr")).contains("WhatsApp", "English", "Trafficking or exploitation", "urgent").doesNotContain("880000301");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true")).isEqualTo(true);
        screenshot("console-conversation");

        // open it, answer, close it: still the keyboard
        // the lists are redrawn whenever the inbox changes: an element found a moment ago may be gone
        await().ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElement(By.cssSelector("#mine a.open")).sendKeys(Keys.ENTER);
            return true;
        });
        await().until(b -> URI.create(b.getCurrentUrl()).getPath().startsWith("/console/conversations/"));
        assertThat(text("#messages")).contains("Hello");
        assertThat(text(".answers")).contains("English", "Trafficking or exploitation");
        // the person sends a picture: it appears on the page, fetched through the gateway
        String mediaPath = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/MM00000000000000000000000000000001/Media/ME00000000000000000000000000000001";
        providers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(mediaPath))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(onePixelPng())));
        Map<String, String> picture = whatsappForm(person, "They took my passport.");
        picture.put("NumMedia", "1");
        picture.put("MediaContentType0", "image/png");
        picture.put("MediaUrl0", "https://api.twilio.com" + mediaPath);
        deliver(picture);
        await().ignoring(StaleElementReferenceException.class).until(b -> b.findElements(By.cssSelector("#messages img.picture")).stream()
                .anyMatch(img -> ((Number) ((JavascriptExecutor) b).executeScript("return arguments[0].naturalWidth", img)).intValue() == 1));

        // a saved reply, in the person's language
        browser.findElement(By.id("saved")).sendKeys("Emergency number");
        tabTo("insert-saved").sendKeys(Keys.ENTER);
        await().until(b -> b.findElement(By.id("reply-text")).getDomProperty("value").startsWith("If you are in danger now, call 112."));

        String reply = "Hello, I am Elena. Are you safe now?";
        browser.findElement(By.id("reply-text")).clear();
        browser.findElement(By.id("reply-text")).sendKeys(reply);
        tabTo("send").sendKeys(Keys.ENTER);
        await().ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElements(By.cssSelector("#messages .message.out")).stream().anyMatch(m -> m.getText().contains(reply)));
        // the outbound queue sends it after the page shows it: wait for the send, then it is exactly one
        await().until(b -> !sentTo(person).isEmpty());
        assertThat(sentTo(person)).containsExactly(reply);
        screenshot("console-reply");

        // a referral: a double click makes one
        String conversationId = URI.create(browser.getCurrentUrl()).getPath().substring("/console/conversations/".length());
        browser.findElement(By.id("referral-notes")).sendKeys("passport taken by employer");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("referral-organisation")))
                .selectByVisibleText("Shelter for survivors of trafficking, Sofia");
        new Actions(browser).doubleClick(browser.findElement(By.id("refer"))).perform();
        await().until(b -> !b.findElements(By.id("referred")).isEmpty());
        assertThat(text("#referrals")).isEqualTo("1 referral made for this conversation");
        assertThat(streams.recent(CallLog.OUTBOX_STREAM, 100).stream().filter(e -> e.type().equals("referral"))
                .filter(e -> e.payload().contains("\"" + conversationId + ":console-"))).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"organisation\":\"shelter-sofia\""));
        // the delivery worker hands it to the case store; the page follows it there by itself
        awaitOrShow(b -> text("#referral-progress").contains("Case referral: in the case store"), "the referral delivered");

        // a second tab sees the same state
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB).get(url("/console"));
        awaitOrShow(b -> !b.findElements(By.cssSelector("#mine tbody tr")).isEmpty(), "the conversation in a second tab");
        browser.close();
        browser.switchTo().window(first);
        // an officer of another team sees nothing of it, not even at its address
        String conversationPage = browser.getCurrentUrl();
        WebDriver other = chromium();
        try {
            other.get(url("/login"));
            other.findElement(By.id("username")).sendKeys("gosho");
            other.findElement(By.id("password")).sendKeys("pw", Keys.ENTER);
            new WebDriverWait(other, LIMIT).until(b -> URI.create(b.getCurrentUrl()).getPath().equals("/console"));
            assertThat(other.findElements(By.cssSelector("#mine tbody tr, #queue tbody tr"))).isEmpty();
            other.get(conversationPage);
            assertThat(other.findElement(By.tagName("body")).getText()).doesNotContain("Hello").doesNotContain("880000301")
                    .contains("What you asked for is not there, or is not yours to see.");
        } finally {
            other.quit();
        }

        browser.findElement(By.id("outcome")).sendKeys("Resolved");
        tabTo("close").sendKeys(Keys.ENTER);
        awaitConsole();
        await().until(b -> b.findElements(By.cssSelector("#mine tbody tr")).isEmpty());
        assertThat(text("#notice")).isEqualTo("The conversation is closed.");

        // and finds it in My contacts
        tabTo("my-contacts").sendKeys(Keys.ENTER);
        await().until(b -> URI.create(b.getCurrentUrl()).getPath().equals("/console/contacts"));
        assertThat(text("#contacts tbody")).contains("WhatsApp", "Resolved", "Trafficking or exploitation").doesNotContain("880000301");
        screenshot("console-contacts");
    }

    @Test
    void shouldPopUpACallForTheOfficerItRingsForKeepHerNotesAndCountDownTheWrapUp() throws Exception {
        signIn("olga");
        tabTo("go-available").sendKeys(Keys.ENTER);
        await().until(b -> text("#presence").equals("Available"));
        assertThat(browser.findElements(By.id("call"))).as("nothing rings for her yet").isEmpty();

        // a caller chooses English and trafficking: the call rings for Elena, her screen shows it at once, with an alert
        String callSid = "CA" + "0".repeat(29) + "777";
        String languages = voice("/webhooks/twilio/voice", callParams(callSid));
        String topics = voice(gatherAction(languages), callParams(callSid, "Digits", "2"));
        assertThat(voice(gatherAction(topics), callParams(callSid, "Digits", "1"))).contains("<Enqueue");
        awaitOrShow(b -> !b.findElements(By.id("call")).isEmpty() && text("#call-title").startsWith("A call is ringing for you"),
                "the call on her screen");
        assertThat(text("#call")).contains("English", "Trafficking or exploitation", "counter-trafficking", "urgent",
                "none that the hotline keeps").doesNotContain(TwilioTestGateway.caller(callSid).substring(4));
        assertThat(text("#call-path")).startsWith("language → topic");
        awaitOrShow(b -> text("#alert").equals("A call is ringing for you."), "the alert");
        assertThat(alerts()).containsExactly("call");
        // in the queue, the call says whom it rings for; nobody takes a call from the list
        awaitOrShow(b -> !b.findElements(By.id("queued-" + callSid)).isEmpty(), "the ringing call in the queue");
        assertThat(text("#queued-" + callSid)).contains("Call (Twilio)", "English", "Trafficking or exploitation", "ringing for you")
                .doesNotContain("Take");
        screenshot("console-call");

        // she picks up (Twilio's officer leg: the whisper, then 1), writes her notes during the call
        String officerUrl = providers.findAll(postRequestedFor(urlPathEqualTo(CALLS))).getFirst().formParameter("Url").getValues().getFirst();
        Map<String, String> officerLeg = callParams("CA" + "0".repeat(29) + "e77", "From", "client:anonymous", "To", "client:officer-elena");
        String whisper = voice(officerUrl.substring(TwilioTestGateway.PUBLIC.length()), officerLeg);
        voice(gatherAction(whisper), new LinkedHashMap<>(Map.of("CallSid", officerLeg.get("CallSid"), "AccountSid", ACCOUNT, "Digits", "1")));
        awaitOrShow(b -> text("#call-title").startsWith("On a call"), "the call on her line");
        await().until(b -> b.findElements(By.id("queued-" + callSid)).isEmpty());
        browser.findElement(By.id("notes-" + callSid)).sendKeys("works on a farm near Plovdiv");
        tabTo("save-notes").sendKeys(Keys.ENTER);
        awaitOrShow(b -> !b.findElements(By.id("notes-saved")).isEmpty(), "the notes saved");

        // the caller hangs up: the record is written with her notes, and the wrap-up counts down on the page
        voice("/webhooks/twilio/voice/queue-result?lang=en", callParams(callSid, "QueueResult", "bridged", "QueueTime", "12"));
        voice("/webhooks/twilio/voice/status", callParams(callSid, "CallStatus", "completed", "CallDuration", "240"));
        voice("/webhooks/twilio/voice/officer-status?call=" + callSid + "&officer=elena",
                callParams(officerLeg.get("CallSid"), "CallStatus", "completed", "CallDuration", "200"));
        awaitOrShow(b -> text("#call-title").startsWith("Call ended: wrap-up"), "the wrap-up");
        assertThat(browser.findElement(By.id("notes-" + callSid)).getDomProperty("value")).isEqualTo("works on a farm near Plovdiv");
        int left = Integer.parseInt(browser.findElement(By.cssSelector(".countdown")).getDomAttribute("data-seconds"));
        await().until(b -> Integer.parseInt(b.findElement(By.cssSelector(".countdown")).getDomAttribute("data-seconds")) < left);
        screenshot("console-wrap-up");
        tabTo("call-done").sendKeys(Keys.ENTER);
        await().until(b -> b.findElements(By.id("call")).isEmpty());

        tabTo("my-contacts").sendKeys(Keys.ENTER);
        await().until(b -> URI.create(b.getCurrentUrl()).getPath().equals("/console/contacts"));
        assertThat(text("#contacts tbody")).contains("Call (Twilio)", "Answered", "works on a farm near Plovdiv");
    }

    @Test
    void shouldOfferAnInterpreterToTheDeskForAPashtoCallerAndSayAtOnceWhenNobodyComes() throws Exception {
        signIn("ida");
        tabTo("go-available").sendKeys(Keys.ENTER);
        await().until(b -> text("#presence").equals("Available"));

        // Pashto (8), trafficking (1): nobody on duty speaks it, an interpreter may be called: the desk gets the call
        String callSid = "CA" + "0".repeat(29) + "888";
        String languages = voice("/webhooks/twilio/voice", callParams(callSid));
        String topics = voice(gatherAction(languages), callParams(callSid, "Digits", "8"));
        assertThat(voice(gatherAction(topics), callParams(callSid, "Digits", "1"))).contains("<Enqueue");
        awaitOrShow(b -> !b.findElements(By.id("call")).isEmpty(), "the call on the desk's screen");
        String officerUrl = providers.findAll(postRequestedFor(urlPathEqualTo(CALLS))).getFirst().formParameter("Url").getValues().getFirst();
        Map<String, String> officerLeg = callParams("CA" + "0".repeat(29) + "d88", "From", "client:anonymous", "To", "client:officer-interpreter-desk");
        String whisper = voice(officerUrl.substring(TwilioTestGateway.PUBLIC.length()), officerLeg);
        voice(gatherAction(whisper), new LinkedHashMap<>(Map.of("CallSid", officerLeg.get("CallSid"), "AccountSid", ACCOUNT, "Digits", "1")));
        awaitOrShow(b -> text("#call-title").startsWith("On a call"), "the call on the desk's line");

        // the screen says at once that the desk does not speak the caller's language, and offers the interpreter
        assertThat(text("#interpreter-needed")).startsWith("You do not speak پښتو");
        tabTo("add-interpreter").sendKeys(Keys.ENTER);
        awaitOrShow(b -> !b.findElements(By.id("interpreter-status")).isEmpty() && text("#interpreter-status").startsWith("Calling Wahid"),
                "the interpreter being called");
        assertThat(providers.findAll(postRequestedFor(urlPathEqualTo(CALLS))).getLast().formParameter("To").getValues())
                .containsExactly("+359888100302");
        screenshot("console-interpreter");
        // Wahid's phone rings out, Zarmina's is busy: the desk reads it without reloading, and the call goes on
        voice("/webhooks/twilio/voice/interpreter-status?call=" + callSid + "&interpreter=interpreter-wahid",
                callParams("CA" + "0".repeat(29) + "a88", "CallStatus", "no-answer"));
        voice("/webhooks/twilio/voice/interpreter-status?call=" + callSid + "&interpreter=interpreter-zarmina",
                callParams("CA" + "0".repeat(29) + "b88", "CallStatus", "busy"));
        awaitOrShow(b -> text("#interpreter-status").startsWith("No interpreter for پښتو can be reached now"), "nobody came, said at once");
        assertThat(text("#call-title")).startsWith("On a call");
        assertThat(browser.findElements(By.id("add-interpreter"))).as("asking again calls them anew").hasSize(1);
        assertThat(audit.find(e -> e.action().equals("call.interpreter"), 10)).anySatisfy(e -> assertThat(e.actor()).isEqualTo("ida"));
        voice("/webhooks/twilio/voice/status", callParams(callSid, "CallStatus", "completed", "CallDuration", "60"));
    }

    @Test
    void shouldServeTelegramAndViberAsWhatsappPlayVoiceNotesOfferDocumentsAndSayWhenWhatsappsWindowIsClosed() throws Exception {
        signIn("olga");
        tabTo("go-available").sendKeys(Keys.ENTER);
        await().until(b -> text("#presence").equals("Available"));

        // a person on Telegram: the conversation comes to Elena, the console says so, and her reply goes out once
        long chat = 555000333L;
        telegram(TelegramUpdates.message(9101, chat, "Hello"));
        telegram(TelegramUpdates.press(9102, chat, "2"));
        telegram(TelegramUpdates.press(9103, chat, "1"));
        awaitOrShow(b -> b.findElements(By.cssSelector("#mine tbody tr")).stream().anyMatch(r -> r.getText().contains("Telegram")),
                "the Telegram conversation");
        awaitOrShow(b -> alerts().contains("conversation"), "the alert for the conversation");
        assertThat(text("#alert")).isEqualTo("A conversation has come to you.");
        openMine("Telegram");
        assertThat(text("header")).contains("Telegram");
        String reply = "Hello, I am Elena from the hotline.";
        browser.findElement(By.id("reply-text")).sendKeys(reply);
        tabTo("send").sendKeys(Keys.ENTER);
        await().ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElements(By.cssSelector("#messages .message.out")).stream().anyMatch(m -> m.getText().contains(reply)));
        // the outbound queue sends it after the page shows it: wait for the send, then it is exactly one
        java.util.function.Supplier<Long> sends = () -> providers.findAll(postRequestedFor(urlPathEqualTo("/bot" + TELEGRAM_TOKEN + "/sendMessage")))
                .stream().filter(r -> r.getBodyAsString().contains(reply)).count();
        await().until(b -> sends.get() >= 1);
        assertThat(sends.get()).isEqualTo(1);

        // and on Viber the same
        String viberUser = "01234567890A=";
        viberText(viberUser, 5_000_000_001L, "Hello");
        viberText(viberUser, 5_000_000_002L, "2");
        viberText(viberUser, 5_000_000_003L, "1");
        browser.get(url("/console"));
        awaitOrShow(b -> b.findElements(By.cssSelector("#mine tbody tr")).stream().anyMatch(r -> r.getText().contains("Viber")),
                "the Viber conversation");
        openMine("Viber");
        String viberReply = "Hello from the hotline, on Viber.";
        browser.findElement(By.id("reply-text")).sendKeys(viberReply);
        tabTo("send").sendKeys(Keys.ENTER);
        java.util.function.Supplier<Long> viberSends = () -> providers.findAll(postRequestedFor(urlPathEqualTo("/pa/send_message"))).stream()
                .filter(r -> r.getBodyAsString().contains(viberReply)).count();
        await().until(b -> viberSends.get() >= 1);
        assertThat(viberSends.get()).isEqualTo(1);

        // on WhatsApp, a voice note plays and a document downloads, through the gateway
        browser.get(url("/console"));
        String person = "whatsapp:+359880000303";
        whatsapp(person, "Hi");
        whatsapp(person, "2");
        whatsapp(person, "1");
        awaitOrShow(b -> b.findElements(By.cssSelector("#mine tbody tr")).stream().anyMatch(r -> r.getText().contains("WhatsApp")),
                "the WhatsApp conversation");
        openMine("WhatsApp");
        String media = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/MM00000000000000000000000000000303/Media/";
        providers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(media + "ME00000000000000000000000000000001"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/ogg").withBody(new byte[] {'O', 'g', 'g', 'S'})));
        providers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(media + "ME00000000000000000000000000000002"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody("%PDF-1.4")));
        deliver(withMedia(whatsappForm(person, ""), "audio/ogg", "https://api.twilio.com" + media + "ME00000000000000000000000000000001"));
        deliver(withMedia(whatsappForm(person, "my contract"), "application/pdf",
                "https://api.twilio.com" + media + "ME00000000000000000000000000000002"));
        awaitOrShow(b -> !b.findElements(By.cssSelector("#messages audio")).isEmpty()
                && b.findElements(By.cssSelector("#messages .media a")).stream().anyMatch(a -> a.getText().equals("Document")),
                "the voice note and the document");
        String audio = browser.findElement(By.cssSelector("#messages audio")).getDomAttribute("src");
        String document = browser.findElements(By.cssSelector("#messages .media a")).stream().filter(a -> a.getText().equals("Document"))
                .findFirst().orElseThrow().getDomAttribute("href");
        assertThat(fetched(audio)).isEqualTo("200 audio/ogg");
        assertThat(fetched(document)).isEqualTo("200 application/pdf");
        assertThat(browser.findElements(By.id("window-closed"))).as("the person wrote just now").isEmpty();

        // she may be called: Elena asks for a callback with the person's yes, and places it from the page without seeing the number
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("referral-kind"))).selectByValue("callback");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("referral-safe"))).selectByValue("yes");
        browser.findElement(By.id("referral-consent")).sendKeys("asked on WhatsApp whether a call is safe; she wrote yes");
        browser.findElement(By.id("refer")).click();
        awaitOrShow(b -> b.findElements(By.cssSelector("#referral-progress button")).size() == 1, "the Call back button");
        assertThat(text("#referral-progress")).contains("Callback");
        browser.findElement(By.cssSelector("#referral-progress button")).click();
        awaitOrShow(b -> !b.findElements(By.id("calling-back")).isEmpty(), "the callback placed");
        await().until(b -> asterisk.actions.stream().anyMatch(a -> a.startsWith("Originate channel=PJSIP/201 context=hotline-callback")
                && a.contains("HOTLINE_CALLBACK_DIAL=PJSIP/+359880000303@trunk")));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("880000303");
        assertThat(audit.find(e -> e.action().equals("callback"), 10)).anySatisfy(e -> assertThat(e.outcome()).isEqualTo("placed"));

        // a supervisor gives the conversation to Nadia from its page (audited)
        String conversationPage = browser.getCurrentUrl();
        WebDriver supervisor = chromium();
        try {
            supervisor.get(url("/login"));
            supervisor.findElement(By.id("username")).sendKeys("sue");
            supervisor.findElement(By.id("password")).sendKeys("pw", Keys.ENTER);
            new WebDriverWait(supervisor, LIMIT).until(b -> URI.create(b.getCurrentUrl()).getPath().equals("/console"));
            supervisor.get(conversationPage);
            new org.openqa.selenium.support.ui.Select(supervisor.findElement(By.id("assign-officer"))).selectByValue("nadia");
            supervisor.findElement(By.id("assign")).click();
            new WebDriverWait(supervisor, LIMIT).until(b -> !b.findElements(By.id("assigned")).isEmpty());
            assertThat(supervisor.findElement(By.id("assigned")).getText()).startsWith("The conversation is now with");
            // the audit trail says who gave which conversation to whom, and who placed the callback
            supervisor.get(url("/console"));
            supervisor.findElement(By.id("audit-trail")).click();
            new org.openqa.selenium.support.ui.Select(supervisor.findElement(By.id("audit-action"))).selectByValue("conversation.reassign");
            supervisor.findElement(By.id("filter")).click();
            new WebDriverWait(supervisor, LIMIT).until(b -> b.getCurrentUrl().contains("action=conversation.reassign"));
            assertThat(supervisor.findElement(By.cssSelector("#audit tbody")).getText()).contains("sue", "Conversation reassigned",
                    "from elena to nadia").doesNotContain("Callback placed");
        } finally {
            supervisor.quit();
        }
        assertThat(audit.find(e -> e.action().equals("conversation.reassign"), 10)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("sue");
            assertThat(e.detail()).isEqualTo("from elena to nadia");
        });
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("reply-text"))).as("no longer hers to answer").isEmpty();
        // no supervisor page opens for an officer
        browser.get(url("/console/supervisor/audit"));
        assertThat(text("body")).contains("You are not allowed to do that.").doesNotContain("Conversation reassigned");

        // a day later, the person has not written again: WhatsApp takes no free text now, and the page says what happens instead
        signIn("nina");
        browser.get(conversationPage);
        clock.shiftTo(TuesdayMorning.NOW.plus(Duration.ofHours(25)));
        browser.navigate().refresh();
        assertThat(text("#window-closed")).startsWith("WhatsApp's 24-hour window is closed");
    }

    @Test
    void shouldShowSupervisorsTheHotlineLiveAndLetThemCloseATeam() throws Exception {
        signIn("sue");
        tabTo("wallboard").sendKeys(Keys.ENTER);
        await().until(b -> URI.create(b.getCurrentUrl()).getPath().equals("/console/supervisor"));
        await().until(b -> "yes".equals(b.findElement(By.tagName("body")).getDomAttribute("data-live")));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        assertThat(text("#team-avrr .waiting")).startsWith("0");

        // a person asks about voluntary return while nobody of the team is on duty: the board shows them waiting
        String person = "whatsapp:+359880000304";
        whatsapp(person, "Hello");
        whatsapp(person, "2");
        whatsapp(person, "2");
        awaitOrShow(b -> text("#team-avrr .waiting").startsWith("1"), "the person waiting for the team");
        assertThat(text("#team-avrr .waiting")).contains("English 1");
        // an officer of the team becomes available: the board says so
        assertThat(text("#officer-avrr-georgi")).contains("Offline");
        routing.setPresence("georgi", org.hotline.gateway.routing.Presence.AVAILABLE, "start of shift");
        awaitOrShow(b -> text("#officer-avrr-georgi").contains("Available"), "Georgi available");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true")).isEqualTo(true);
        screenshot("wallboard");

        // the supervisor closes the team for a staff meeting: the next person asking about return is told the hours
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("override-state-avrr"))).selectByValue("closed");
        browser.findElement(By.id("override-reason-avrr")).sendKeys("staff meeting");
        browser.findElement(By.id("override-avrr")).click();
        awaitOrShow(b -> !b.findElements(By.id("overridden")).isEmpty(), "the team closed");
        assertThat(text("#team-avrr .state")).contains("closed", "forced by a supervisor", "staff meeting");
        String next = "whatsapp:+359880000305";
        whatsapp(next, "Hello");
        whatsapp(next, "2");
        whatsapp(next, "2");
        await().until(b -> providers.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).stream()
                .map(r -> TwilioSigner.parse(r.getBodyAsString()))
                .anyMatch(form -> next.equals(form.get("To")) && String.valueOf(form.get("Body")).contains("We are closed right now.")));
        assertThat(audit.find(e -> e.action().equals("team.override"), 5)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("sue");
            assertThat(e.subject()).isEqualTo("avrr");
        });

        // the charts, drawn by Chart.js from the call log, in the hotline's time (Sofia, UTC+2 in December)
        callLog.record(new org.hotline.gateway.calllog.CallRecord("chart-test-1", org.hotline.gateway.channel.ContactChannel.WHATSAPP,
                null, "ar", "return", "avrr", List.of(), clock.instant(), clock.instant().plusSeconds(60), Duration.ofSeconds(5), "georgi",
                Duration.ofSeconds(50), org.hotline.gateway.calllog.CallOutcome.ANSWERED, List.of(), null, null, null));
        browser.findElement(By.id("charts-link")).click();
        awaitOrShow(b -> "drawn".equals(b.findElement(By.tagName("body")).getDomAttribute("data-charts")), "the charts drawn");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return Chart.getChart('per-hour').data.datasets.map(d => d.label)")).asList().contains("whatsapp");
        assertThat((String) js.executeScript("return Chart.getChart('per-hour').data.labels.slice(-1)[0]")).endsWith("10:00");
        assertThat(js.executeScript("return Chart.getChart('by-language').data.labels")).asList().contains("ar");
        screenshot("charts");
        // the anonymised statistics download from the same page, as the form asks for them
        String csv = url("/api/v1/statistics.csv?from=" + browser.findElement(By.id("stats-from")).getDomProperty("value")
                + "&to=" + browser.findElement(By.id("stats-to")).getDomProperty("value") + "&by=week&by=channel");
        assertThat(fetched(csv)).isEqualTo("200 text/csv");
    }

    @Test
    void shouldLetAScriptAuthorWalkTheHotlineFlowOnChristmasNightToTheVoicemailWithoutAPhone() throws Exception {
        int outboxBefore = streams.recent(CallLog.OUTBOX_STREAM, 10_000).size();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("amy");
        browser.findElement(By.id("password")).sendKeys("pw", Keys.ENTER);
        // a script author's console is the test line
        await().until(b -> URI.create(b.getCurrentUrl()).getPath().equals("/console/test-line"));

        // one click: a call on Christmas at 03:00, the hotline's time
        browser.findElement(By.id("christmas")).click();
        awaitOrShow(b -> !b.findElements(By.id("trial")).isEmpty(), "the trial");
        assertThat(text("#trial-title")).contains("hotline", "-12-25T03:00");
        assertThat(text("#turns")).contains("2 = English", "audio/bg/");
        answer("2");
        assertThat(text("#turns")).contains("Trafficking, forced labour or exploitation");
        answer("1");
        // the team is closed at night: the hours, then a message is taken
        assertThat(text("#turns")).contains("We are closed right now.", "Please leave a message after the tone.", "audio/en/");
        tabTo("recorded").sendKeys(Keys.ENTER);
        awaitOrShow(b -> text("#turns").contains("Would you like us to call you back?"), "the callback offer after the message");
        assertThat(text("#turns")).contains("Refers voicemail to counter-trafficking");
        answer("2");
        awaitOrShow(b -> !b.findElements(By.id("ended")).isEmpty(), "the end of the call");
        assertThat(text("#path")).contains("trafficking_closed", "trafficking_voicemail", "callback_offer");
        screenshot("test-line");
        // nothing was routed, referred or logged
        assertThat(streams.recent(CallLog.OUTBOX_STREAM, 10_000)).hasSize(outboxBefore);

        // a chat trial reads words as a person's: clearly Russian at the menu, the one question in Russian
        browser.get(url("/console/test-line"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("channel"))).selectByValue("chat");
        browser.findElement(By.id("start")).click();
        awaitOrShow(b -> !b.findElements(By.id("trial")).isEmpty() && text("#turns").contains("1 = Български"), "the chat trial");
        answer("Здравствуйте, мне нужна помощь");
        assertThat(text("#turns")).contains("Хотите продолжить на русском языке?");

        // an officer gets no test line
        browser.manage().deleteAllCookies();
        signIn("olga");
        browser.get(url("/console/test-line"));
        assertThat(text("body")).contains("You are not allowed to do that.");
    }

    /** Types an answer on the test line and waits for the flow's turn. */
    void answer(String keys) {
        int turns = browser.findElements(By.cssSelector("#turns > li")).size();
        browser.findElement(By.id("value")).sendKeys(keys, Keys.ENTER);
        await().until(b -> b.findElements(By.cssSelector("#turns > li")).size() > turns);
    }

    /** The texts the gateway sent to {@code person} through Twilio's Messages API (WireMock). */
    List<String> sentTo(String person) {
        return providers.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).stream().map(r -> TwilioSigner.parse(r.getBodyAsString()))
                .filter(form -> person.equals(form.get("To")) && form.get("Body") != null && form.get("Body").startsWith("Hello, I am"))
                .map(form -> form.get("Body")).toList();
    }

    @Test
    void shouldSpeakBulgarianWhenTheOfficerChoosesIt() throws Exception {
        browser.get(url("/login?lang=bg"));
        assertThat(text("h1")).isEqualTo("Вход в конзолата на горещата линия");
        browser.findElement(By.id("username")).sendKeys("gosho");
        browser.findElement(By.id("password")).sendKeys("pw", Keys.ENTER);
        awaitConsole();
        assertThat(text("#mine-title")).isEqualTo("Моите разговори");
        assertThat(text("#presence")).isEqualTo("Извън смяна");
        await().until(b -> "yes".equals(b.findElement(By.tagName("body")).getDomAttribute("data-live")));

        // a person asks about voluntary return while nobody of the team is available: it waits for the team
        String person = "whatsapp:+359880000302";
        whatsapp(person, "Здравейте");
        whatsapp(person, "1");
        whatsapp(person, "2");
        awaitOrShow(b -> !b.findElements(By.cssSelector("#queue tbody tr")).isEmpty(), "the conversation waiting for the team");
        assertThat(text("#queue tbody tr")).contains("WhatsApp", "Български", "Доброволно завръщане", "avrr");
        awaitOrShow(b -> text("#waiting").equals("1 чака за моите екипи"), "the count of those waiting");
        screenshot("console-bg");

        // the officer takes it, with the keyboard, and its page opens
        await().ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElement(By.cssSelector("#queue button.take")).sendKeys(Keys.ENTER);
            return true;
        });
        await().until(b -> URI.create(b.getCurrentUrl()).getPath().startsWith("/console/conversations/"));
        assertThat(text("header")).contains("при служител");
        assertThat(text("#messages")).contains("Здравейте");
    }

    // --- helpers ---

    void signIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("pw", Keys.ENTER);
        awaitConsole();
        await().until(b -> "yes".equals(b.findElement(By.tagName("body")).getDomAttribute("data-live")));
    }

    /** What the console announced to the officer (console.js keeps it): the kinds, in order. */
    @SuppressWarnings("unchecked")
    List<String> alerts() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return (window.consoleAlerts || []).map(a => a.kind)");
    }

    /** Opens my conversation on this channel from the list. */
    void openMine(String channel) {
        await().ignoring(StaleElementReferenceException.class).until(b -> {
            b.findElements(By.cssSelector("#mine tbody tr")).stream().filter(r -> r.getText().contains(channel)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("a.open")).sendKeys(Keys.ENTER);
            return true;
        });
        await().until(b -> URI.create(b.getCurrentUrl()).getPath().startsWith("/console/conversations/"));
    }

    /** Status and type of a link of the page, fetched by the page itself (with the officer's session). */
    String fetched(String link) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type').split(';')[0]))", link);
    }

    Map<String, String> withMedia(Map<String, String> form, String type, String mediaUrl) {
        form.put("NumMedia", "1");
        form.put("MediaContentType0", type);
        form.put("MediaUrl0", mediaUrl);
        return form;
    }

    /** A Twilio voice webhook, signed as Twilio signs it; its TwiML. */
    String voice(String pathAndQuery, Map<String, String> params) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, TwilioTestGateway.PUBLIC + pathAndQuery, params))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
        return response.body();
    }

    static Map<String, String> callParams(String callSid, String... more) {
        return TwilioTestGateway.callParams(ACCOUNT, callSid, more);
    }

    static String gatherAction(String twiml) {
        return org.hotline.gateway.testing.Twiml.parse(twiml).value("/Response/Gather/@action");
    }

    /** A Viber text message as Viber posts it, signed with the bot's token. */
    void viberText(String user, long token, String text) throws Exception {
        String body = json.writeValueAsString(Map.of("event", "message", "timestamp", 1764583200000L, "message_token", token,
                "sender", Map.of("id", user, "name", "Test Person"), "message", Map.of("type", "text", "text", text)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/webhooks/viber")))
                .header("Content-Type", "application/json").header("X-Viber-Content-Signature", ViberSigner.sign(VIBER_TOKEN, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    void telegram(String update) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/webhooks/telegram")))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }


    WebDriverWait await() {
        return new WebDriverWait(browser, LIMIT);
    }

    /** Signed in: the console, not the sign-in page again (which would say why). */
    void awaitConsole() {
        try {
            await().until(b -> URI.create(b.getCurrentUrl()).getPath().equals("/console"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not on the console but on " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    void awaitOrShow(java.util.function.Function<WebDriver, Boolean> condition, String what) {
        try {
            // the lists are redrawn whenever the inbox changes: an element found a moment ago may be gone
            await().ignoring(StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("never saw " + what + "; the page: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** The text of an element as it is now; parts the page redraws are read again rather than failing. */
    String text(String css) {
        return await().ignoring(StaleElementReferenceException.class).until(b -> b.findElement(By.cssSelector(css)).getText().strip());
    }

    /** Tabs through the page until the element with this id has the focus, as a keyboard user does. */
    WebElement tabTo(String id) {
        for (int i = 0; i < 30; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("#" + id + " cannot be reached with the Tab key");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void whatsapp(String person, String body) throws Exception {
        deliver(whatsappForm(person, body));
    }

    Map<String, String> whatsappForm(String person, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", String.format("SM%032x", sids.incrementAndGet() + 7_000_000L));
        form.put("AccountSid", ACCOUNT);
        form.put("From", person);
        form.put("To", HOTLINE_WHATSAPP);
        form.put("Body", body);
        form.put("NumMedia", "0");
        form.put("ProfileName", "Test Person");
        return form;
    }

    /** A WhatsApp message as Twilio posts it, signed. */
    void deliver(Map<String, String> form) throws Exception {
        String path = "/webhooks/twilio/messaging";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSigner.sign(TWILIO_TOKEN, TwilioTestGateway.PUBLIC + path, form))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static byte[] onePixelPng() throws IOException {
        var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The page as the officer sees it, kept in target/screenshots for the README's pictures in docs/. */
    void screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(TestConfig.repositoryRoot().resolve("hotline-gateway/target/screenshots"));
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
