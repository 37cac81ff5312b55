package org.hotline.gateway.voice.asterisk.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hotline.gateway.voice.asterisk.pbx.AmiTestClient.event;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.security.Role;
import org.hotline.gateway.security.SignedInUser;
import org.hotline.gateway.state.StreamStore;
import org.hotline.gateway.testing.ShiftedClock;
import org.hotline.gateway.testing.TestConfig;
import org.hotline.gateway.testing.TuesdayMorning;
import org.hotline.gateway.voice.asterisk.AsteriskCallbacks;
import org.hotline.gateway.voice.asterisk.AsteriskInterpreterLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Asterisk integration against a real Asterisk 22 ({@link RealAsterisk}) running the project's
 * own dialplan, queues, manager and voicemail configuration: callers, officers' phones and the trunk
 * are Local channels ({@code extensions-test.conf}), the gateway runs here with FastAGI and AMI on.
 * Every wait is for something Asterisk or the gateway reports, never for time to pass.
 */
@SpringBootTest
class RealPbxTest {

    static final String GATEWAY_SECRET = "pbx-gateway-secret";
    static final int AMI_PORT = freePort();
    static final int AGI_PORT = freePort();
    static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(4);
    /** Saturday 5 December 2026, 03:00 in Sofia: every team is closed. */
    static final Instant SATURDAY_NIGHT = Instant.parse("2026-12-05T01:00:00Z");

    /** Kept after the run (target/pbx/run): Asterisk's logs tell what happened when a test fails. */
    static final Path scratch = RealAsterisk.scratch();

    static RealAsterisk pbx;
    static AmiTestClient ami;
    static AgiProxy gateway;
    static Path sounds;
    static Path recordings;

    @BeforeAll
    static void startAsterisk() throws Exception {
        Optional<String> missing = RealAsterisk.missing();
        if (missing.isPresent()) {
            if (System.getenv("CI") != null) {
                Assertions.fail(missing.get() + ", and under CI it must");
            }
            Assumptions.abort(missing.get());
        }
        sounds = RenderedPrompts.soundsFolder();
        recordings = Files.createDirectories(scratch.resolve("recordings"));
        gateway = new AgiProxy(AGI_PORT);
        pbx = RealAsterisk.start(Files.createDirectories(scratch.resolve("asterisk")), AMI_PORT, GATEWAY_SECRET,
                "127.0.0.1:" + gateway.port(), Duration.ofSeconds(3), sounds);
        ami = new AmiTestClient(AMI_PORT, RealAsterisk.TEST_AMI_USER, RealAsterisk.TEST_AMI_SECRET);
        // the fallback mailbox's greeting (voicemail.conf: the operator records it)
        Path mailbox = Files.createDirectories(pbx.mailbox("default", "hotline"));
        Files.copy(speech(), mailbox.resolve("unavail.wav"));
    }

    @AfterAll
    static void stopAsterisk() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {ami, gateway, pbx}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hotline.state.data-dir", () -> scratch.resolve("gateway").toString());
        registry.add("hotline.asterisk.agi.enabled", () -> "true");
        registry.add("hotline.asterisk.agi.port", () -> AGI_PORT);
        registry.add("hotline.asterisk.ami.enabled", () -> "true");
        registry.add("hotline.asterisk.ami.port", () -> AMI_PORT);
        registry.add("hotline.asterisk.ami.username", () -> "hotline-gateway");
        registry.add("hotline.asterisk.ami.secret", () -> GATEWAY_SECRET);
        registry.add("hotline.asterisk.recordings", () -> recordings.toString());
        registry.add("hotline.asterisk.trunk", () -> "Local/{number}@hotline-test-trunk");
        registry.add("hotline.routing.max-queue-wait", () -> MAX_QUEUE_WAIT.toSeconds() + "s");
        registry.add("hotline.scripts.dir", () -> scriptsWithATransfer().toString());
        // the example officers, at desk phones this Asterisk has (extensions-test.conf); 211 does not exist
        officer(registry, 0, "elena", "counter-trafficking", "Local/201@hotline-test-phones");
        officer(registry, 1, "nadia", "counter-trafficking", "Local/202@hotline-test-phones");
        officer(registry, 2, "georgi", "avrr", "Local/211@hotline-test-phones");
        // every team has someone, or the gateway refuses to start; these two stay offline
        officer(registry, 3, "mobile-team-1", "protection", "Local/221@hotline-test-phones");
        officer(registry, 4, "visa-desk", "visa-centre", "Local/231@hotline-test-phones");
        officer(registry, 5, "interpreter-desk", "counter-trafficking", "Local/209@hotline-test-phones");
        registry.add("hotline.officers[5].works-with-interpreters", () -> "true");
        // two Pashto interpreters: Wahid's phone rings out (after 3 s), Zarmina's is picked up
        interpreter(registry, 0, "interpreter-wahid", "Local/302@hotline-test-interpreters");
        interpreter(registry, 1, "interpreter-zarmina", "Local/301@hotline-test-interpreters");
        registry.add("hotline.interpreters.ring-timeout", () -> "3s");
    }

    private static void interpreter(DynamicPropertyRegistry registry, int i, String id, String phone) {
        String prefix = "hotline.interpreters.roster[" + i + "].";
        registry.add(prefix + "id", () -> id);
        registry.add(prefix + "display-name", () -> id);
        registry.add(prefix + "languages", () -> "ps");
        registry.add(prefix + "reach.sip", () -> phone);
    }

    /**
     * No shipped flow transfers yet: a copy of the flows in which a visa caller who wants a person
     * after hours is put through to the counter-trafficking team's first overflow number (+359884602185).
     */
    private static Path scriptsWithATransfer() {
        try {
            Path shipped = TestConfig.repositoryRoot().resolve("ivr-scripts");
            Path copy = scratch.resolve("ivr-scripts");
            if (!Files.exists(copy)) {
                try (Stream<Path> files = Files.walk(shipped)) {
                    for (Path file : files.toList()) {
                        Path target = copy.resolve(shipped.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
                String flow = Files.readString(copy.resolve("hotline.yaml"));
                String afterHours = "      - { if: { channel: chat }, next: visa_queue_overnight }\n    otherwise: visa_goodbye\n";
                if (!flow.contains(afterHours)) {
                    throw new IllegalStateException("the shipped hotline flow no longer has the visa node this test turns into a transfer");
                }
                Files.writeString(copy.resolve("hotline.yaml"), flow.replace(afterHours,
                        "      - { if: { channel: chat }, next: visa_queue_overnight }\n      - { if: { channel: voice }, next: visa_put_through }\n"
                                + "    otherwise: visa_goodbye\n  visa_put_through:\n    type: transfer\n    overflow-of: counter-trafficking\n"));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void officer(DynamicPropertyRegistry registry, int i, String id, String team, String phone) {
        String prefix = "hotline.officers[" + i + "].";
        registry.add(prefix + "id", () -> id);
        registry.add(prefix + "display-name", () -> id);
        registry.add(prefix + "languages", () -> "bg,en");
        registry.add(prefix + "teams", () -> team);
        registry.add(prefix + "reach.sip", () -> phone);
    }

    @TestConfiguration
    static class RealTime {
        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }

    @Autowired ShiftedClock clock;
    @Autowired RoutingService routing;
    @Autowired CallLog callLog;
    @Autowired StreamStore streams;
    @Autowired JsonMapper json;
    @Autowired MeterRegistry metrics;
    @Autowired HotlineDirectory directory;
    @Autowired AsteriskCallbacks callbacks;
    @Autowired ApplicationContext context;
    @Autowired CallScreens screens;
    @Autowired org.hotline.gateway.interpreter.InterpreterRequests interpreterRequests;
    @Autowired org.hotline.gateway.interpreter.InterpreterCalls interpreters;
    @Autowired AsteriskInterpreterLine interpreterLine;
    @Autowired org.hotline.gateway.chat.InboxEvents inboxEvents;
    /** The call screens' stages as the consoles were told them, in order. */
    final List<String> screenStages = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void tuesdayMorningWithNobodyOnDuty() {
        inboxEvents.subscribe(change -> {
            if (change.kind().equals("call")) {
                screenStages.add(change.officerId() + " " + change.status());
            }
            return false;
        }, Duration.ofMinutes(10));
        clock.shiftTo(TuesdayMorning.NOW);
        for (String officer : List.of("elena", "nadia", "georgi", "interpreter-desk")) {
            routing.setPresence(officer, Presence.OFFLINE, "test");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> queue("counter-trafficking").contains("No Members"));
    }

    @Test
    void shouldPutTheCallerThroughToTheOfficerAndLogWhoAnsweredAfterHowLongAndForHowLong() {
        available("elena", "counter-trafficking", "Local/201@hotline-test-phones");

        var caller = PbxCaller.dials(ami, "0888100001", speech()).presses("2", "1");

        // 201 rings, is picked up a second later and hangs up three seconds after that
        var connected = ami.await(caller.dialled, event("AgentConnect", "Uniqueid", caller.line), PbxCaller.LIMIT, "elena picking up");
        var completed = ami.await(caller.dialled, event("AgentComplete", "Uniqueid", caller.line), PbxCaller.LIMIT, "the end of the call");
        CallRecord record = recordOf(caller);
        assertThat(record.outcome().wireName()).isEqualTo("answered");
        assertThat(record.officerId()).isEqualTo("elena");
        assertThat(connected.get("MemberName")).isEqualTo("elena");
        assertThat(record.queueWait().toSeconds()).as("the wait Asterisk measured").isEqualTo(Long.parseLong(connected.get("HoldTime")));
        // Asterisk counts whole seconds; the gateway's measure also holds the AGI round trips, which a
        // busy machine stretches: a margin for those, not a race
        assertThat(record.talkTime().toMillis()).as("the talk, as Asterisk measured it")
                .isCloseTo(Long.parseLong(completed.get("TalkTime")) * 1000, within(4000L))
                .isGreaterThanOrEqualTo(2000);
        assertThat(record.contact()).isEqualTo("+359888100001");
        // Elena's screen showed the call from AMI (rang, picked up) with what the caller chose; now it is her wrap-up
        await().atMost(PbxCaller.LIMIT).untilAsserted(() -> assertThat(screens.of("elena")).hasValueSatisfying(v -> {
            assertThat(v.screen().callId()).isEqualTo(record.id());
            assertThat(v.screen().stage()).isEqualTo(CallScreens.Stage.WRAP_UP);
            assertThat(v.context()).hasValueSatisfying(c -> {
                assertThat(c.language()).isEqualTo("en");
                assertThat(c.topic()).isEqualTo("trafficking");
                assertThat(c.path()).startsWith("language", "topic");
            });
        }));
        assertThat(screenStages).containsSubsequence("elena offered", "elena on-call", "elena wrap-up");
    }

    @Test
    void shouldNeverRingAnOfficerWhoIsOnACallAndLetTheNextCallerWaitOnlyAsLongAsTheHotlineSays() throws IOException {
        available("nadia", "counter-trafficking", "Local/202@hotline-test-phones");
        var first = PbxCaller.dials(ami, "0888100002", speech()).presses("2", "1");
        ami.await(first.dialled, event("AgentConnect", "Uniqueid", first.line), PbxCaller.LIMIT, "nadia picking up");

        var second = PbxCaller.dials(ami, "0888100003", speech()).presses("2", "1");
        ami.await(second.dialled, event("QueueCallerJoin", "Uniqueid", second.line), PbxCaller.LIMIT, "the second caller queued");
        // nobody else is there: the hotline's maximum wait runs out, then the flow takes a message
        var recording = second.awaitCommand(c -> c.startsWith("RECORD FILE"), "the message being recorded");
        assertThat(ami.seen(event("AgentCalled", "Uniqueid", second.line))).as("nadia, on a call, was never rung").isEmpty();
        // the caller speaks, then hangs up: how most messages end
        Path message = awaitAudio(recordingFile(recording));
        second.hangsUp();
        first.hangsUp();

        CallRecord record = recordOf(second);
        // the hotline's maximum wait, and then some for a busy machine; never the 300 s of the dialplan's fallback
        assertThat(record.queueWait().toSeconds()).isBetween(MAX_QUEUE_WAIT.toSeconds(), MAX_QUEUE_WAIT.toSeconds() + 30);
        assertThat(record.outcome().wireName()).isEqualTo("voicemail");
        Map<String, Object> voicemail = referrals(record).getFirst();
        assertThat(voicemail.get("kind")).isEqualTo("VOICEMAIL");
        assertThat(voicemail.get("recordingRef")).isEqualTo(message.toString());
        assertThat(recordOf(first).officerId()).isEqualTo("nadia");
    }

    @Test
    void shouldTakeAMessageAfterHoursThatAnyKeyEndsAndACallbackTheOfficerPlacesWithoutSeeingTheNumber() throws Exception {
        clock.shiftTo(SATURDAY_NIGHT);
        var caller = PbxCaller.dials(ami, "0888100004", speech()).presses("2", "1");

        var recording = caller.awaitCommand(c -> c.startsWith("RECORD FILE"), "the message being recorded");
        Path message = awaitAudio(recordingFile(recording));
        // "When you have finished, press any key": 5 is not #
        caller.pressesDuring(recording, "5");
        assertThat(caller.resultOf(recording).get("Result")).isEqualTo("Success");
        // the key ended the recording: the flow goes on and offers a callback
        caller.presses("1", "1"); // a callback, please; it is safe to call this number
        CallRecord record = recordOf(caller);
        assertThat(record.outcome().wireName()).isEqualTo("callback_requested");
        List<Map<String, Object>> referrals = referrals(record);
        assertThat(referrals).extracting(r -> r.get("kind")).containsExactlyInAnyOrder("VOICEMAIL", "CALLBACK");
        assertThat(referrals).filteredOn(r -> "VOICEMAIL".equals(r.get("kind"))).extracting(r -> r.get("recordingRef"))
                .containsExactly(message.toString());
        assertThat(Files.size(message)).as("more than the second the test waited for").isGreaterThan(16_000);

        // an officer calls the person back: her phone rings first, showing the hotline, not the number
        String callbackId = (String) referrals.stream().filter(r -> "CALLBACK".equals(r.get("kind"))).findFirst().orElseThrow().get("id");
        int from = ami.mark();
        var officer = directory.officer("elena").orElseThrow();
        var placed = callbacks.callBack(callbackId, new SignedInUser("maria", Set.of(Role.OFFICER), "elena"), Optional.of(officer));
        assertThat(placed).isInstanceOf(AsteriskCallbacks.Outcome.Placed.class);
        var rang = ami.await(from, event("UserEvent", "UserEvent", "PhoneRang", "Phone", "201"), PbxCaller.LIMIT, "elena's phone ringing");
        assertThat(rang.get("Shows")).doesNotContain("888100004").contains("Hotline callback");
        var dialled = ami.await(from, event("UserEvent", "UserEvent", "TrunkDialled"), PbxCaller.LIMIT, "the trunk dialling the person");
        assertThat(dialled.get("Number")).isEqualTo("+359888100004");
        assertThat(ami.seen(e -> e == rang || e == dialled)).as("the officer first, then the person").containsExactly(rang, dialled);
    }

    @Test
    void shouldReportARecordingAsteriskCouldNotMakeAndOfferACallbackInstead() throws Exception {
        clock.shiftTo(SATURDAY_NIGHT);
        double before = metrics.counter("hotline.asterisk.recordings.failed", "reason", "writefile").count();
        var health = context.getBean("asteriskRecordingsHealthIndicator", HealthIndicator.class);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        Path moved = Files.move(recordings, recordings.resolveSibling("recordings-away"));
        try {
            // a fresh install: Asterisk creates no folders, and health says so before any caller finds out
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails().get("problem").toString()).contains("does not exist");
            var caller = PbxCaller.dials(ami, "0888100005", speech()).presses("2", "1");
            var recording = caller.awaitCommand(c -> c.startsWith("RECORD FILE"), "the message being recorded");
            assertThat(caller.resultOf(recording).get("Result")).isEqualTo("Failure");
            // the flow goes on as when no message was left: a callback is offered
            caller.awaitsKeys();
            caller.hangsUp();
            CallRecord record = recordOf(caller);
            assertThat(metrics.counter("hotline.asterisk.recordings.failed", "reason", "writefile").count()).isEqualTo(before + 1);
            assertThat(referrals(record)).isEmpty();
        } finally {
            Files.move(moved, recordings);
        }
    }

    @Test
    void shouldLogACallerWhoHangsUpInTheMenuAndOneWhoHangsUpInTheQueue() {
        var inMenu = PbxCaller.dials(ami, "0888100006", speech());
        inMenu.awaitsKeys();
        inMenu.hangsUp();
        assertThat(recordOf(inMenu).outcome().wireName()).isEqualTo("abandoned_in_ivr");

        var inQueue = PbxCaller.dials(ami, "0888100007", speech()).presses("2", "1");
        ami.await(inQueue.dialled, event("QueueCallerJoin", "Uniqueid", inQueue.line), PbxCaller.LIMIT, "the caller queued");
        inQueue.hangsUp();
        assertThat(recordOf(inQueue).outcome().wireName()).isEqualTo("abandoned_in_queue");
    }

    @Test
    void shouldFallBackToTheQueueAndTheMailboxWhenTheGatewayIsDownOrDiesMidCall() throws Exception {
        Path inbox = pbx.mailbox("default", "hotline").resolve("INBOX");
        gateway.down();
        try {
            var whileDown = PbxCaller.dials(ami, "0888100008", speech());
            ami.await(whileDown.dialled, event("QueueCallerJoin", "Uniqueid", whileDown.line), PbxCaller.LIMIT, "the fallback queue");
            awaitRecordingInto(pbx.mailbox("default", "hotline").resolve("tmp"));
            whileDown.hangsUp();
            awaitFile(inbox.resolve("msg0000.txt"));
            assertThat(Files.size(inbox.resolve("msg0000.wav"))).isGreaterThan(44 + 16_000);
        } finally {
            gateway.up();
        }

        var cutOff = PbxCaller.dials(ami, "0888100009", speech());
        cutOff.awaitsKeys();
        gateway.cutAll();
        ami.await(cutOff.dialled, event("QueueCallerJoin", "Uniqueid", cutOff.line), PbxCaller.LIMIT, "the fallback queue");
        awaitRecordingInto(pbx.mailbox("default", "hotline").resolve("tmp"));
        cutOff.hangsUp();
        awaitFile(inbox.resolve("msg0001.txt"));
        assertThat(Files.size(inbox.resolve("msg0001.wav"))).isGreaterThan(44 + 16_000);
    }

    @Test
    void shouldTransferThroughTheTrunkTemplate() {
        clock.shiftTo(SATURDAY_NIGHT);
        var caller = PbxCaller.dials(ami, "0888100010", speech()).presses("2", "4", "1");

        var dialled = ami.await(caller.dialled, event("UserEvent", "UserEvent", "TrunkDialled"), PbxCaller.LIMIT, "the trunk dialling");
        assertThat(dialled.get("Number")).isEqualTo("+359884602185");
        caller.hangsUp();
        assertThat(recordOf(caller).outcome().wireName()).isEqualTo("transferred");
    }

    @Test
    void shouldKeepTheQueuesInStepWithPresenceAndSetAwayAnOfficerWhosePhoneIsUnreachable() {
        available("elena", "counter-trafficking", "Local/201@hotline-test-phones");
        routing.setPresence("elena", Presence.AWAY, "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> queue("counter-trafficking").lines()
                .anyMatch(l -> l.contains("Local/201@hotline-test-phones") && l.contains("paused")));
        routing.setPresence("elena", Presence.OFFLINE, "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> !queue("counter-trafficking").contains("Local/201@hotline-test-phones"));

        routing.setPresence("georgi", Presence.AVAILABLE, "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> routing.snapshot().officers().get("georgi").declared() == Presence.AWAY);
        assertThat(queue("avrr")).contains("Local/211@hotline-test-phones").contains("Invalid").contains("paused");
    }

    @Test
    void shouldBringAPashtoInterpreterIntoTheCallWithTheCallerAndTheOfficerInOneConfBridge() {
        available("interpreter-desk", "counter-trafficking", "Local/209@hotline-test-phones");
        // Pashto (8), trafficking (1): nobody on duty speaks Pashto, the interpreter desk takes the call
        var caller = PbxCaller.dials(ami, "0888100009", speech()).presses("8", "1");
        var connected = ami.await(caller.dialled, event("AgentConnect", "Uniqueid", caller.line), PbxCaller.LIMIT, "the desk picking up");
        assertThat(connected.get("MemberName")).isEqualTo("interpreter-desk");
        String callId = await().atMost(PbxCaller.LIMIT).until(() -> screens.of("interpreter-desk")
                .filter(v -> v.screen().stage() == CallScreens.Stage.ON_CALL).map(v -> v.screen().callId()), Optional::isPresent).orElseThrow();
        await().atMost(PbxCaller.LIMIT).until(() -> interpreterLine.carries(callId));

        int asked = ami.mark();
        assertThat(interpreterRequests.ask("ida", "interpreter-desk", callId, null))
                .isInstanceOf(org.hotline.gateway.interpreter.InterpreterRequests.Outcome.Asked.class);
        // Wahid's phone rings out; Zarmina picks up, hears the request and presses 1
        var pickedUp = ami.await(asked, event("UserEvent", "UserEvent", "InterpreterPickedUp"), PbxCaller.LIMIT, "Zarmina picking up");
        ami.await(asked, e -> "AGIExecStart".equals(e.get("Event")) && String.valueOf(e.get("Channel")).startsWith("Local/301@")
                && PbxCaller.readsKeys(e.get("Command")), PbxCaller.LIMIT, "the gateway asking Zarmina for 1");
        ami.send("PlayDTMF", "Channel", pickedUp.get("Phone"), "Digit", "1", "Duration", "200");

        // three Local channels in the call's ConfBridge: the caller, the desk and Zarmina
        for (int i = 0, from = asked; i < 3; i++) {
            var joined = ami.await(from, event("ConfbridgeJoin", "Conference", callId), PbxCaller.LIMIT, "a third party in the conference");
            from = ami.seen(e -> true).indexOf(joined) + 1;
        }
        assertThat(ami.seen(event("ConfbridgeJoin", "Conference", callId)).stream().map(e -> e.get("Channel")))
                .anyMatch(c -> c.startsWith("Local/301@hotline-test-interpreters")).anyMatch(c -> c.startsWith("Local/209@hotline-test-phones"))
                .hasSize(3);
        var interpreterCall = interpreters.of(callId).orElseThrow();
        assertThat(interpreterCall.present()).isEqualTo("interpreter-zarmina");
        assertThat(interpreterCall.tried()).containsExactly("interpreter-wahid");

        // the desk hangs up: the caller and the interpreter are not left together; the record counts her time
        ami.send("Hangup", "Channel", connected.get("DestChannel"));
        CallRecord record = recordOf(caller);
        assertThat(record.officerId()).isEqualTo("interpreter-desk");
        assertThat(record.language()).isEqualTo("ps");
        assertThat(record.outcome().wireName()).isEqualTo("answered");
        assertThat(record.interpreters()).singleElement().satisfies(t -> {
            assertThat(t.interpreterId()).isEqualTo("interpreter-zarmina");
            assertThat(t.language()).isEqualTo("ps");
        });
        await().atMost(PbxCaller.LIMIT).until(() -> ami.seen(event("ConfbridgeEnd", "Conference", callId)).size() == 1);
    }

    // --- helpers ---

    void available(String officer, String team, String phone) {
        routing.setPresence(officer, Presence.AVAILABLE, "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> queue(team).lines()
                .anyMatch(l -> l.contains(officer + " (" + phone + ")") && !l.contains("paused")));
    }

    static String queue(String name) {
        try {
            return pbx.cli("queue show " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The call record of this caller's call, once the gateway has written it. */
    CallRecord recordOf(PbxCaller caller) {
        return await().atMost(PbxCaller.LIMIT).until(() -> callLog.recent(r -> r.providerRef() != null
                && r.providerRef().startsWith(caller.line + " "), 2), list -> list.size() == 1).getFirst();
    }

    List<Map<String, Object>> referrals(CallRecord record) {
        return streams.recent("outbox", 1000).stream().filter(e -> e.type().equals("referral"))
                .map(e -> (Map<String, Object>) json.readValue(e.payload(), Map.class))
                .filter(r -> String.valueOf(r.get("id")).startsWith(record.id() + ":")).toList();
    }

    /** The file RECORD FILE writes: its first argument, with the format as extension. */
    static Path recordingFile(Map<String, String> recordFile) {
        String command = recordFile.get("Command");
        int start = command.indexOf('"') + 1;
        return Path.of(command.substring(start, command.indexOf('"', start)) + ".wav");
    }

    /** Waits until {@code file} holds a second of the caller's speech (8 kHz, 16 bit) or more. */
    static Path awaitAudio(Path file) {
        await().atMost(PbxCaller.LIMIT).until(() -> Files.exists(file) && Files.size(file) > 44 + 16_000);
        return file;
    }

    /** Voicemail records into the mailbox's tmp folder and moves the message to INBOX when it ends. */
    static void awaitRecordingInto(Path folder) {
        await().atMost(PbxCaller.LIMIT).until(() -> {
            if (!Files.isDirectory(folder)) {
                return false;
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.anyMatch(f -> f.toString().endsWith(".wav") && f.toFile().length() > 44 + 16_000);
            }
        });
    }

    static void awaitFile(Path file) {
        await().atMost(PbxCaller.LIMIT).until(() -> Files.exists(file));
    }

    /** What callers say: a rendered English prompt will do, played for as long as the call lasts. */
    static Path speech() {
        try (Stream<Path> files = Files.list(sounds.resolve("hotline/en"))) {
            return files.filter(f -> f.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
