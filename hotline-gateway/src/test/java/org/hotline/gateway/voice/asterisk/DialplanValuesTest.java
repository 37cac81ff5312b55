package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.hotline.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one check on values bound for AMI and the dialplan, and the example AMI user's rights. */
class DialplanValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+359888000401\r\n\r\nAction: Originate", "+359888000401\nx", "+359888000401,tTr", "PJSIP/201&PJSIP/999",
            "a^b", "a|b", "Dial(x)", "${SHELL(id)}", "$[1+1]", "a\u0000b"})
    void shouldRefuseWhatCouldStartAnActionOrAnArgument(String value) {
        assertThatThrownBy(() -> DialplanValues.require("callback number", value))
                .isInstanceOf(DialplanValues.UnsafeValueException.class)
                .hasMessage("callback number has a character that is not allowed in an AMI action or dialplan argument");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+359888000401", "PJSIP/201", "Local/201@officers", "counter-trafficking", "officer:cb-0001", "Hotline callback"})
    void shouldLetOrdinaryValuesThrough(String value) {
        assertThat(DialplanValues.require("value", value)).isEqualTo(value);
    }

    @Test
    void shouldCheckEveryTextAndVariableOfAnAction() {
        var originate = new OriginateAction();
        originate.setChannel("PJSIP/201");
        originate.setContext("hotline-callback");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("HOTLINE_CALLBACK_NUMBER", "+359888000401\r\nAction: Command\r\nCommand: core stop now");
        originate.setVariables(variables);
        assertThatThrownBy(() -> DialplanValues.checked(originate)).hasMessageContaining("Originate.variables HOTLINE_CALLBACK_NUMBER");

        var add = new QueueAddAction("avrr", "PJSIP/211,1");
        assertThatThrownBy(() -> DialplanValues.checked(add)).hasMessageContaining("QueueAdd.interface");

        var fine = new QueueAddAction("avrr", "PJSIP/211");
        fine.setMemberName("georgi");
        assertThat(DialplanValues.checked(fine)).isSameAs(fine);
    }

    @Test
    void shouldShipAnAmiUserWithOnlyWhatTheGatewayUses() throws Exception {
        List<String> lines = Files.readAllLines(TestConfig.repositoryRoot().resolve("config/asterisk/manager.conf"));
        Map<String, String> user = new LinkedHashMap<>();
        boolean inUser = false;
        for (String line : lines) {
            String text = line.replaceAll(";.*", "").strip();
            if (text.startsWith("[")) {
                inUser = text.equals("[hotline-gateway]");
            } else if (inUser && text.contains("=")) {
                user.merge(text.substring(0, text.indexOf('=')).strip(), text.substring(text.indexOf('=') + 1).strip(), (a, b) -> a + "," + b);
            }
        }
        for (String rights : List.of(user.get("read"), user.get("write"))) {
            assertThat(List.of(rights.split(","))).allSatisfy(right -> assertThat(right.strip()).isIn("call", "originate", "agent", "reporting"));
        }
        assertThat(user.get("write")).contains("originate", "agent");
        assertThat(user.get("deny")).isEqualTo("0.0.0.0/0.0.0.0");
        assertThat(user.get("permit")).as("one address: the gateway's").matches("[0-9.]+/(255\\.255\\.255\\.255|32)");
    }

    @Test
    void shouldDialATransferAsChanPjsipReadsANumber() {
        var settings = FastAgiServerTest.settings(4573);
        assertThat(DialplanValues.require("transfer number", settings.dialString("+359888000401"))).isEqualTo("PJSIP/+359888000401@trunk");
    }

    @Test
    void shouldShipQueuesThatNeverOfferASecondCallerToAnOfficerOnACall() throws Exception {
        List<String> lines = Files.readAllLines(TestConfig.repositoryRoot().resolve("config/asterisk/queues.conf"));
        Map<String, String> template = new LinkedHashMap<>();
        boolean inTemplate = false;
        for (String line : lines) {
            String text = line.replaceAll(";.*", "").strip();
            if (text.startsWith("[")) {
                inTemplate = text.equals("[team](!)");
            } else if (inTemplate && text.contains("=")) {
                template.put(text.substring(0, text.indexOf('=')).strip(), text.substring(text.indexOf('=') + 1).strip());
            }
        }
        // Asterisk's default is yes: the officer talking to the first caller would ring for the second
        assertThat(template).containsEntry("ringinuse", "no").containsEntry("setinterfacevar", "yes");
        assertThat(lines.stream().map(l -> l.replaceAll(";.*", "").strip()).filter(l -> l.startsWith("[") && !l.startsWith("[general]")))
                .as("every team's queue takes the template").allMatch(l -> l.equals("[team](!)") || l.endsWith("(team)"));
    }
}
