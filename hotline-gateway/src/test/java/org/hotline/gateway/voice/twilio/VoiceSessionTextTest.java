package org.hotline.gateway.voice.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Input;
import org.junit.jupiter.api.Test;

/** The compact form a call's session is stored in: everything comes back as it was, and a damaged record is refused. */
class VoiceSessionTextTest {

    private static FlowState flow(Facts facts) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("topic", "labour");
        vars.put("note", "a:b|c~d 12:34 ünïcødé 💬");
        vars.put("empty", "");
        return new FlowState("main", "CA1", "ask-topic", "uk", 2, -1, vars, List.of("start", "lang", "ask-topic"), facts,
                Set.of("refer-1"), false);
    }

    @Test
    void everyFieldComesBack() {
        Facts facts = new Facts(Channel.VOICE, true, null, Set.of("general", "labour"), true, "ru");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("fp1", "<?xml version=\"1.0\"?><Response><Say>Добрий день: 1|2</Say></Response>");
        answers.put("fp2", "");
        VoiceSession session = new VoiceSession("CA123", "+359888123456", Instant.ofEpochSecond(1_800_000_000L, 123_456_789),
                flow(facts), Instant.ofEpochSecond(1_800_000_060L), Input.RouteOutcome.TIMEOUT, "officer-elena",
                Instant.ofEpochSecond(1_800_000_090L, 5), true, false, true, List.of("r1", "r2"), "https://api.twilio.com/rec/RE1",
                false, 7, answers);

        VoiceSession back = VoiceSession.fromText(session.toText());

        assertThat(back).isEqualTo(session);
        assertThat(back.answers().keySet()).containsExactly("fp1", "fp2");
    }

    @Test
    void nullsAndAFlowWithoutFactsComeBack() {
        VoiceSession session = VoiceSession.start("CA9", null, Instant.EPOCH, flow(null));

        assertThat(VoiceSession.fromText(session.toText())).isEqualTo(session);
    }

    @Test
    void aDamagedRecordIsRefusedNotMisread() {
        String text = VoiceSession.start("CA9", "+359888123456", Instant.EPOCH, flow(null)).toText();

        assertThatThrownBy(() -> VoiceSession.fromText(text.substring(0, text.length() - 3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoiceSession.fromText(text + "1:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoiceSession.fromText("other1|" + text.substring(7))).isInstanceOf(IllegalArgumentException.class);
    }
}
