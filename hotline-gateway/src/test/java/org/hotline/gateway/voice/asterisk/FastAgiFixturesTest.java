package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.state.StreamStore;
import org.hotline.gateway.testing.TuesdayMorning;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FastAGI as data, one file per scenario in {@code src/test/resources/voice/asterisk/fixtures}: a
 * call as Asterisk plays it over a real socket (the keys the caller presses when asked, how the
 * queue ends, the command the caller hangs up on, the commands Asterisk refuses), and the AGI
 * commands the gateway must send (in order, each matched by its beginning), the channel variables
 * it leaves, the call record and the referrals. The logs never hold the caller's number. Tuesday
 * 1 December 2026, 10:00 in Sofia.
 */
@Import(TuesdayMorning.class)
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class FastAgiFixturesTest {

    static final int AGI_PORT = AsteriskCallTest.freePort();
    static final Path FIXTURES = Path.of("src/test/resources/voice/asterisk/fixtures");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        AsteriskCallTest.agiOn(registry, AGI_PORT, dataDir);
    }

    @Autowired CallLog callLog;
    @Autowired StreamStore streams;
    @Autowired JsonMapper json;

    static Stream<Path> fixtures() throws Exception {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldSendTheCommandsTheFixtureSays(Path fixture, CapturedOutput output) throws Exception {
        JsonNode call = json.readTree(Files.readString(fixture));
        var caller = new AsteriskCaller();
        call.path("presses").forEach(key -> caller.presses(key.asString()));
        if (call.has("queueEndsWith")) {
            caller.queueEndsWith(call.path("queueEndsWith").asString());
        }
        if (call.has("answeredBy")) {
            caller.answeredBy(call.path("answeredBy").asString());
        }
        if (call.has("hangsUpOn")) {
            String prefix = call.path("hangsUpOn").asString();
            caller.hangsUpOn(command -> command.startsWith(prefix));
        }
        if (call.has("refuses")) {
            String prefix = call.path("refuses").asString();
            caller.refuses(command -> command.startsWith(prefix));
        }
        String uniqueId = call.path("uniqueId").asString();
        String callerId = call.path("callerId").asString();
        caller.call(AGI_PORT, uniqueId, callerId);

        JsonNode expect = call.path("expect");
        String where = fixture.getFileName().toString();
        int from = 0;
        for (JsonNode command : expect.path("commands")) {
            int at = indexFrom(caller.commands, command.asString(), from);
            assertThat(at).as("%s: '%s' after command %d of %s", where, command.asString(), from, caller.commands).isNotNegative();
            from = at + 1;
        }
        for (JsonNode never : expect.path("never")) {
            assertThat(caller.commands).as(where).noneMatch(c -> c.startsWith(never.asString()));
        }
        expect.path("variables").properties().forEach(e -> assertThat(caller.variables).as(where)
                .containsEntry(e.getKey(), e.getValue().asString()));
        CallRecord record = callLog.recent(r -> r.providerRef() != null && r.providerRef().startsWith(uniqueId + " "), 1).getFirst();
        if (expect.has("outcome")) {
            assertThat(record.outcome().wireName()).as(where).isEqualTo(expect.path("outcome").asString());
        }
        if (expect.has("officer")) {
            assertThat(record.officerId()).as(where).isEqualTo(expect.path("officer").asString());
        }
        List<String> kinds = new ArrayList<>();
        expect.path("referrals").forEach(k -> kinds.add(k.asString()));
        assertThat(streams.recent("outbox", 1000).stream().filter(e -> e.type().equals("referral"))
                .map(e -> json.readValue(e.payload(), Map.class)).filter(r -> String.valueOf(r.get("id")).startsWith(record.id() + ":"))
                .map(r -> String.valueOf(r.get("kind"))).toList()).as(where).containsExactlyInAnyOrderElementsOf(kinds);
        String digits = callerId.replaceAll("\\D", "");
        assertThat(output.getAll()).as("the caller's number in the logs").doesNotContain(digits.substring(Math.max(0, digits.length() - 9)));
    }

    private static int indexFrom(List<String> commands, String prefix, int from) {
        for (int i = from; i < commands.size(); i++) {
            if (commands.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
