package org.hotline.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script author's commands, run as the jar runs them. */
class FlowCommandTest {

    record Run(int exit, String out, String err) {}

    static Run run(String input, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = FlowCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldValidateTheShippedFlows() {
        Run run = run("", "flow", "validate");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK: 1 flow(s) [hotline], prompts in 12 languages");
    }

    @Test
    void shouldPrintEveryProblemAndFailWhenAFlowIsBroken(@TempDir Path dir) throws Exception {
        Path scripts = dir.resolve("ivr-scripts");
        TestConfig.copyTree(TestConfig.repositoryRoot().resolve("ivr-scripts"), scripts);
        Path flow = scripts.resolve("hotline.yaml");
        Files.writeString(flow, Files.readString(flow).replace("team: avrr\n    answered: done", "team: avr\n    answered: done")
                .replace("next: trafficking_open", "next: trafficking_opn"));

        Run run = run("", "flow", "validate", scripts.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("ivr-scripts/hotline.yaml:\\d+:11: error: jump to missing node 'trafficking_opn'")
                .containsPattern("ivr-scripts/hotline.yaml:\\d+:11: error: route to undeclared team 'avr'")
                .contains("error(s)");
    }

    @Test
    void shouldWalkTheFlowOnChristmasNightInChat() {
        Run run = run("2\n1\n", "flow", "simulate", "hotline", "--at", "2026-12-25T03:00", "--channel", "chat");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().toList()).extracting(l -> l.split(" ")[0] + " " + l.split(" ")[1]).containsExactly(
                "ASK node=language", "ASK node=topic", "SAY prompt=emergency_112", "SAY prompt=closed_hours",
                "ROUTE team=counter-trafficking", "END reason=hangup", "# path:");
        assertThat(run.out()).contains("text=\"We are closed right now. Counter-trafficking team: Monday–Friday 09:00–18:00, except on public holidays.\"");
    }

    @Test
    void shouldReadChatWordsAsAPersonsAreRead() {
        Run run = run("Здравствуйте, мне нужна помощь\nда\n", "flow", "simulate", "hotline", "--at", "2026-12-01T10:00", "--channel", "chat");
        assertThat(run.out()).contains("prompt=continue_in_language", "Хотите продолжить на русском языке?");
        assertThat(run.out().lines().filter(l -> l.startsWith("ASK node=topic")).findFirst().orElseThrow()).contains("lang=ru");
    }

    @Test
    void shouldWalkAVoicemailAndCallbackInVoice() {
        Run run = run("2\n2\nnobody\nrecorded\n1\n1\n", "flow", "simulate", "hotline",
                "--at", "2026-12-01T10:00", "--caller", "+359880000001");
        assertThat(run.out()).contains("ROUTE team=avrr priority=normal lang=en topic=return", "RECORD max=120s",
                "REFER type=voicemail", "REFER type=callback", "safe_to_call=yes callback=caller", "END reason=completed");
    }

    @Test
    void shouldExplainWhatInputIsExpectedAfterARoute() {
        Run run = run("2\n2\nmaybe\nanswered\n", "flow", "simulate", "hotline", "--at", "2026-12-01T10:00");
        assertThat(run.err()).contains("give answered, nobody or timeout");
        assertThat(run.out()).contains("END reason=completed");
    }

    @Test
    void shouldRefuseABadTime() {
        Run run = run("", "flow", "simulate", "hotline", "--at", "Christmas");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--at must be like 2026-12-25T03:00");
    }

    @Test
    void shouldShowUsageForAnUnknownCommand() {
        Run run = run("", "flow", "draw");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("usage: flow validate [DIR]");
    }
}
