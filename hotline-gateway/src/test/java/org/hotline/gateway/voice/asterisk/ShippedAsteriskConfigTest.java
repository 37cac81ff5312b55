package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;

/**
 * What {@code config/asterisk/} promises an operator, read as Asterisk reads it: the AMI user's
 * rights, queues that never offer a second caller, and a mailbox for the fallback the dialplan names.
 */
class ShippedAsteriskConfigTest {

    @Test
    void shouldShipAnAmiUserWithOnlyWhatTheGatewayUses() throws IOException {
        Map<String, String> user = section("manager.conf", "[hotline-gateway]");
        for (String rights : List.of(user.get("read"), user.get("write"))) {
            assertThat(List.of(rights.split(","))).allSatisfy(right -> assertThat(right.strip()).isIn("call", "originate", "agent", "reporting"));
        }
        assertThat(user.get("write")).contains("originate", "agent");
        assertThat(user.get("deny")).isEqualTo("0.0.0.0/0.0.0.0");
        assertThat(user.get("permit")).as("one address: the gateway's").matches("[0-9.]+/(255\\.255\\.255\\.255|32)");
    }

    @Test
    void shouldShipQueuesThatNeverOfferASecondCallerToAnOfficerOnACall() throws IOException {
        // Asterisk's default is yes: the officer talking to the first caller would ring for the second
        assertThat(section("queues.conf", "[team](!)")).containsEntry("ringinuse", "no")
                // MEMBERNAME names who answered; QEHOLDTIME is the wait until then
                .containsEntry("setinterfacevar", "yes").containsEntry("setqueueentryvar", "yes")
                // the console counts down the hotline's wrap-up: Asterisk must keep the same
                .containsEntry("wrapuptime", String.valueOf(org.hotline.gateway.testing.Shipped.directory().config().routing().wrapUp().toSeconds()));
        assertThat(lines("queues.conf").stream().filter(l -> l.startsWith("[") && !l.equals("[general]")))
                .as("every team's queue takes the template").allMatch(l -> l.equals("[team](!)") || l.endsWith("(team)"));
    }

    @Test
    void shouldShipTheMailboxTheDialplansFallbackRecordsInto() throws IOException {
        Matcher voicemail = Pattern.compile("VoiceMail\\(([\\w-]+)@([\\w-]+),([a-z]*)\\)").matcher(String.join("\n", lines("extensions.conf")));
        assertThat(voicemail.find()).as("the fallback leaves a message").isTrue();
        // s: no instructions, so no sound pack is needed; u: the mailbox's own greeting
        assertThat(voicemail.group(3)).contains("s", "u");
        assertThat(section("voicemail.conf", "[" + voicemail.group(2) + "]")).containsKey(voicemail.group(1));
    }

    /** The lines of a shipped file without comments and blank lines. */
    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(TestConfig.repositoryRoot().resolve("config/asterisk/" + file)).stream()
                .map(line -> line.replaceAll(";.*", "").strip()).filter(line -> !line.isEmpty()).toList();
    }

    /** One section's settings; a setting given twice (permit, deny) keeps both, comma-separated. */
    private static Map<String, String> section(String file, String header) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : lines(file)) {
            if (line.startsWith("[")) {
                inSection = line.equals(header);
            } else if (inSection && (line.contains("=>") || line.contains("="))) {
                String separator = line.contains("=>") ? "=>" : "=";
                int at = line.indexOf(separator);
                settings.merge(line.substring(0, at).strip(), line.substring(at + separator.length()).strip(), (a, b) -> a + "," + b);
            }
        }
        return settings;
    }
}
