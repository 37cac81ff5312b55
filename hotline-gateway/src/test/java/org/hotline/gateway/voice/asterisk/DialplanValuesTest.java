package org.hotline.gateway.voice.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one check on values bound for AMI and the dialplan. */
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
    void shouldDialATransferAsChanPjsipReadsANumber() {
        var settings = FastAgiServerTest.settings(4573);
        assertThat(DialplanValues.require("transfer number", settings.dialString("+359888000401"))).isEqualTo("PJSIP/+359888000401@trunk");
    }
}
