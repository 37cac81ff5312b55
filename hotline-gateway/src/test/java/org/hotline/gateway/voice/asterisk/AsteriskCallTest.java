package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.state.StreamStore;
import org.hotline.gateway.testing.TuesdayMorning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole calls over FastAGI: the test plays Asterisk on a real socket ({@link AsteriskCaller}) against
 * the gateway's AGI server. The clock is fixed on Tuesday 1 December 2026, 10:00 in Sofia, when the
 * counter-trafficking team is open.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@Import(TuesdayMorning.class)
@SpringBootTest
class AsteriskCallTest {

    static final int AGI_PORT = freePort();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        agiOn(registry, AGI_PORT, dataDir);
        registry.add("hotline.asterisk.recordings", () -> "/var/spool/asterisk/voicemail/hotline");
    }

    /** The gateway with its FastAGI server on {@code port} of the loopback, its data in {@code dataDir}. */
    static void agiOn(DynamicPropertyRegistry registry, int port, Path dataDir) {
        registry.add("hotline.state.data-dir", () -> dataDir.toString());
        registry.add("hotline.routing.tick", () -> "1h");
        registry.add("hotline.asterisk.agi.enabled", () -> "true");
        registry.add("hotline.asterisk.agi.port", () -> port);
        registry.add("hotline.asterisk.agi.bind", () -> "127.0.0.1");
    }

    @Autowired StreamStore streams;
    @Autowired CallLog callLog;
    @Autowired JsonMapper json;
    @Autowired io.micrometer.core.instrument.MeterRegistry metrics;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The referrals of the call Asterisk knows by {@code uniqueId}: they carry the gateway's own id of the call. */
    List<Map<String, Object>> referrals(String uniqueId) {
        String callId = record(uniqueId).id();
        return streams.recent("outbox", 1000).stream().filter(e -> e.type().equals("referral"))
                .map(e -> (Map<String, Object>) json.readValue(e.payload(), Map.class))
                .filter(r -> String.valueOf(r.get("id")).startsWith(callId + ":")).toList();
    }

    /** The record of the call Asterisk knows by {@code uniqueId}. */
    CallRecord record(String uniqueId) {
        return callLog.recent(r -> r.providerRef() != null && r.providerRef().startsWith(uniqueId + " "), 2).stream()
                .reduce((a, b) -> { throw new AssertionError("two calls share Asterisk's id " + uniqueId); }).orElseThrow();
    }

    @Test
    void shouldQueueTheCallerForTheirTeamInTheirLanguage() {
        // a Bulgarian caller ID as Asterisk gets it from the trunk, without the country code (fake number)
        // Elena picked up after 9 s in the queue; Queue() returns only when their call ends
        var caller = new AsteriskCaller().presses("2", "1").answeredBy("elena").heldFor(9)
                .call(AGI_PORT, "1764576000.101", "0888000101");

        assertThat(caller.commands.getFirst()).isEqualTo("ANSWER");
        // the language menu is said line by line, each one interruptible by a key
        assertThat(caller.commands.get(1)).matches("STREAM FILE \"hotline/[a-z]{2}/[0-9a-f]{20}\" \"0123456789\\*#\"( 0)?");
        assertThat(caller.commands).contains("EXEC \"Queue\" \"counter-trafficking,t,,,180\"");
        assertThat(caller.commands).anyMatch(c -> c.startsWith("STREAM FILE \"hotline/en/"));
        assertThat(caller.commands.getLast()).startsWith("SET VARIABLE \"AJ_AGISTATUS\"");

        CallRecord logged = record("1764576000.101");
        assertThat(logged.outcome().wireName()).isEqualTo("answered");
        assertThat(logged.officerId()).isEqualTo("elena");
        assertThat(logged.queueWait()).as("the wait Asterisk measured, not wait and talk").isEqualTo(Duration.ofSeconds(9));
        assertThat(logged.language()).isEqualTo("en");
        assertThat(logged.topic()).isEqualTo("trafficking");
        assertThat(logged.contact()).isEqualTo("+359888000101");
        assertThat(logged.path()).startsWith("language", "topic", "trafficking", "trafficking_open", "trafficking_route");
        assertThat(referrals("1764576000.101")).isEmpty();
    }

    @Test
    void shouldTakeAMessageAndACallbackRequestWhenTheQueueTimesOut() {
        var caller = new AsteriskCaller().presses("2", "1", "1", "1").queueEndsWith("TIMEOUT")
                .call(AGI_PORT, "1764576000.102", "+359888000102");

        int recordAt = caller.commands.indexOf(caller.commands.stream().filter(c -> c.startsWith("RECORD FILE")).findFirst().orElseThrow());
        String recordCommand = caller.commands.get(recordAt);
        // the tone the gateway ships, not Asterisk's optional beep, which fails the recording where it is missing
        assertThat(caller.commands.get(recordAt - 1)).isEqualTo("STREAM FILE \"hotline/tone\" \"\"");
        String callId = record("1764576000.102").id();
        assertThat(callId).matches("AGI[0-9a-f]{32}");
        assertThat(recordCommand).startsWith("RECORD FILE \"/var/spool/asterisk/voicemail/hotline/" + callId + "\" \"wav\" \"0123456789*#\" 180000 0 s=5");
        assertThat(caller.variables).containsEntry("HOTLINE_STATUS", "SUCCESS");

        List<Map<String, Object>> referrals = referrals("1764576000.102");
        assertThat(referrals).extracting(r -> r.get("kind")).containsExactlyInAnyOrder("VOICEMAIL", "CALLBACK");
        Map<String, Object> message = referrals.stream().filter(r -> "VOICEMAIL".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat(message.get("recordingRef")).isEqualTo("/var/spool/asterisk/voicemail/hotline/" + callId + ".wav");
        assertThat(message.get("team")).isEqualTo("counter-trafficking");
        Map<String, Object> callback = referrals.stream().filter(r -> "CALLBACK".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat(callback.get("callbackNumber")).isEqualTo("+359888000102");
        assertThat(((Map<?, ?>) callback.get("consent")).get("safeToCallBack")).isEqualTo("YES");
        assertThat(record("1764576000.102").outcome().wireName()).isEqualTo("callback_requested");
    }

    @Test
    void shouldLogACallerWhoHangsUpWhileBeingTold() {
        // after choosing English and trafficking, while the emergency number is being said
        var said = new java.util.concurrent.atomic.AtomicInteger();
        var caller = new AsteriskCaller().presses("2", "1")
                .hangsUpOn(c -> c.startsWith("STREAM FILE \"hotline/en/") && c.endsWith("\"\"") && said.incrementAndGet() == 1)
                .call(AGI_PORT, "1764576000.108", "+359888000108");

        // Asterisk-Java cannot tell a hung-up playback from a finished one; Asterisk refuses what follows
        assertThat(caller.commands).noneMatch(c -> c.startsWith("RECORD FILE"));
        CallRecord logged = record("1764576000.108");
        assertThat(logged.outcome().wireName()).isEqualTo("abandoned_in_ivr");
        assertThat(logged.language()).isEqualTo("en");
        assertThat(referrals("1764576000.108")).isEmpty();
    }

    @Test
    void shouldTellTheDialplanToFallBackWhenAsteriskRefusesACommand() {
        var caller = new AsteriskCaller().presses("2", "1").refuses(c -> c.startsWith("EXEC \"Queue\""))
                .call(AGI_PORT, "1764576000.105", "+359888000105");

        assertThat(caller.variables).containsEntry("HOTLINE_STATUS", "FAILED");
        assertThat(record("1764576000.105").path()).contains("trafficking_route");
    }

    @Test
    void shouldKeepTwoCallsApartWhenTheyNameTheSameAsteriskId() {
        // a second connection reusing an agi_uniqueid used to merge two callers: the second one's
        // referrals were deduped into the first one's, and an officer would call back the wrong person
        new AsteriskCaller().presses("2", "1", "1", "1").queueEndsWith("TIMEOUT").call(AGI_PORT, "1764576000.199", "+359888000191");
        new AsteriskCaller().presses("2", "1", "1", "1").queueEndsWith("TIMEOUT").call(AGI_PORT, "1764576000.199", "+359888000192");

        List<CallRecord> calls = callLog.recent(r -> r.providerRef() != null && r.providerRef().startsWith("1764576000.199 "), 10);
        assertThat(calls).hasSize(2).extracting(CallRecord::contact).containsExactlyInAnyOrder("+359888000191", "+359888000192");
        assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());
        List<Object> callbackNumbers = streams.recent("outbox", 1000).stream().filter(e -> e.type().equals("referral"))
                .map(e -> (Map<String, Object>) json.readValue(e.payload(), Map.class))
                .filter(r -> calls.stream().anyMatch(c -> String.valueOf(r.get("id")).startsWith(c.id() + ":")))
                .filter(r -> "CALLBACK".equals(r.get("kind"))).map(r -> r.get("callbackNumber")).toList();
        assertThat(callbackNumbers).containsExactlyInAnyOrder("+359888000191", "+359888000192");
    }

    @Test
    void shouldServeOnlyTheHotlineScript(org.springframework.boot.test.system.CapturedOutput output) {
        var caller = new AsteriskCaller().script("org.example.Anything").call(AGI_PORT, "1764576000.106", "+359888000106");
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("names no script served here"));
        assertThat(output.getAll()).as("one line, no stack trace").doesNotContain("AgiNetworkException", "\tat org.asteriskjava");

        // closed as soon as the request is read: nothing answered, and Asterisk's AGI() fails, so the dialplan falls back
        assertThat(caller.commands).isEmpty();
    }
}
