package org.hotline.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prompts render with the real espeak-ng and sox (Debian packages; .ci/run installs them). */
class PromptsCommandTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PromptsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldVoicePashtoThroughItsFallbacksAsTelephoneAudio(@TempDir Path out) throws Exception {
        Run run = run("prompts", "render", "--out", out.toString(), "--language", "ps");

        assertThat(run.exit()).as(run.err()).isZero();
        // espeak-ng speaks neither Pashto nor Dari: Pashto falls back to Dari, Dari to Farsi
        assertThat(run.out()).contains("ps ").contains("(voice fa)");
        List<Path> files;
        try (var list = Files.list(out.resolve("ps"))) {
            files = list.toList();
        }
        assertThat(files).hasSizeGreaterThan(20).allSatisfy(f -> assertThat(f.getFileName().toString()).matches("[0-9a-f]{20}\\.wav"));
        AudioFormat format = AudioSystem.getAudioFileFormat(files.getFirst().toFile()).getFormat();
        assertThat(format.getSampleRate()).isEqualTo(8000f);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(AudioSystem.getAudioFileFormat(files.getFirst().toFile()).getFrameLength()).as("a second of speech or more")
                .isGreaterThan(8000);
        // the tone before a message, which Asterisk plays instead of its optional beep
        var tone = AudioSystem.getAudioFileFormat(out.resolve("tone.wav").toFile());
        assertThat(tone.getFormat().getSampleRate()).isEqualTo(8000f);
        assertThat(tone.getFrameLength()).as("0.4 s").isEqualTo(3200);
    }

    @Test
    void shouldExplainHowToUseIt() {
        Run run = run("prompts", "render");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("usage: prompts render --out DIR");
    }
}
