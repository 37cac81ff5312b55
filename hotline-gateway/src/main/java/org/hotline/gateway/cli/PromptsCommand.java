package org.hotline.gateway.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.scripts.AudioNames;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.scripts.ScriptsConfiguration;
import org.hotline.gateway.scripts.ScriptsSettings;
import org.hotline.gateway.scripts.VoiceQuestion;
import org.hotline.gateway.scripts.VoiceSentences;

/**
 * {@code prompts render --out DIR [--language CODE]}: audio for every sentence a caller can hear,
 * as Asterisk and Twilio play it (WAV, 8 kHz, mono, 16 bit), in {@code DIR/<lang>/<name>.wav}. A
 * human recording in {@code ivr-scripts/audio/<lang>/} is kept as it is; the rest is spoken by
 * espeak-ng (resampled by sox), in the language's own voice or, where espeak-ng has none, in the
 * voice of its {@code audio-fallback}. What cannot be voiced at all is reported, and the command fails.
 */
public final class PromptsCommand {

    private static final String USAGE = "usage: prompts render --out DIR [--language CODE]";

    private PromptsCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String outDir = FlowCommand.option(args, "--out");
        if (args.length < 2 || !args[1].equals("render") || outDir == null) {
            err.println(USAGE);
            return 2;
        }
        try (var context = FlowCommand.cliContext()) {
            HotlineDirectory directory = context.getBean(HotlineDirectory.class);
            Path scripts = context.getBean(ScriptsSettings.class).dir();
            FlowLibrary library = FlowLibrary.load(scripts, ScriptsConfiguration.environmentOf(directory));
            if (library.hasErrors()) {
                library.errors().forEach(err::println);
                return 1;
            }
            var prompts = new PromptRenderer(library.prompts(), directory);
            List<String> codes = directory.languagesInMenuOrder().stream().map(HotlineConfig.Language::code).toList();
            Set<String> teams = new LinkedHashSet<>();
            directory.teams().forEach(t -> teams.add(t.id()));
            Set<VoiceQuestion.Sentence> sentences = new LinkedHashSet<>();
            library.flows().values().forEach(flow -> sentences.addAll(VoiceSentences.of(flow, prompts, codes, teams)));
            // what interpreters hear on Asterisk, in a flow's own language (the hotline's)
            library.flows().values().stream().map(Flow::defaultLanguage).distinct().forEach(language -> prompts.interpreterRequests(language)
                    .forEach(text -> sentences.add(new VoiceQuestion.Sentence(language, text))));
            String only = FlowCommand.option(args, "--language");
            return render(sentences, only, directory, scripts.resolve("audio"), Path.of(outDir), out, err);
        } catch (RuntimeException | IOException | InterruptedException e) {
            err.println("cannot render: " + FlowCommand.rootMessage(e));
            return 2;
        }
    }

    private static int render(Set<VoiceQuestion.Sentence> sentences, String only, HotlineDirectory directory, Path recordings,
                              Path out, PrintStream stdout, PrintStream err) throws IOException, InterruptedException {
        Set<String> voices = Espeak.voices();
        Map<String, int[]> counts = new TreeMap<>(); // recorded, rendered
        List<String> missing = new ArrayList<>();
        for (var sentence : sentences) {
            String language = sentence.language();
            if (only != null && !only.equals(language)) {
                continue;
            }
            String name = AudioNames.of(language, sentence.text()) + ".wav";
            Path target = out.resolve(language).resolve(name);
            Files.createDirectories(target.getParent());
            int[] count = counts.computeIfAbsent(language, l -> new int[2]);
            Path human = recordings.resolve(language).resolve(name);
            if (Files.isRegularFile(human)) {
                if (!Files.isSameFile(human.getParent(), target.getParent())) {
                    Files.copy(human, target, StandardCopyOption.REPLACE_EXISTING);
                }
                count[0]++;
                continue;
            }
            Optional<String> voice = voiceFor(language, directory, voices);
            if (voice.isEmpty()) {
                missing.add(language + ": " + sentence.text());
                continue;
            }
            Espeak.render(voice.get(), sentence.text(), target);
            count[1]++;
        }
        tone(recordings, out);
        counts.forEach((language, count) -> stdout.printf("%-4s %4d recorded, %4d rendered (voice %s)%n", language, count[0], count[1],
                voiceFor(language, directory, voices).orElse("none")));
        if (!missing.isEmpty()) {
            err.println(missing.size() + " sentence(s) have no recording and no voice: record them, or give the language an audio-fallback");
            missing.forEach(m -> err.println("  " + m));
            return 1;
        }
        stdout.println("OK: " + counts.values().stream().mapToInt(c -> c[0] + c[1]).sum() + " files in " + out);
        return 0;
    }

    /**
     * The tone before a message ("leave a message after the tone"), {@code DIR/tone.wav}, as Asterisk
     * plays it before RECORD FILE: the gateway ships what it plays instead of relying on Asterisk's
     * optional {@code beep}, whose absence makes RECORD FILE fail. A recorded tone.wav is kept.
     */
    private static void tone(Path recordings, Path out) throws IOException, InterruptedException {
        Path target = out.resolve(AudioNames.TONE + ".wav");
        Path human = recordings.resolve(AudioNames.TONE + ".wav");
        Files.createDirectories(out);
        if (Files.isRegularFile(human)) {
            if (!Files.isSameFile(human.getParent(), out)) {
                Files.copy(human, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        Espeak.run("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", target.toString(), "synth", "0.4", "sine", "1000", "vol", "0.5");
    }

    /** The language's own espeak-ng voice, else its audio-fallback's, followed as far as it goes. */
    static Optional<String> voiceFor(String language, HotlineDirectory directory, Set<String> voices) {
        Set<String> tried = new LinkedHashSet<>();
        String current = language;
        while (current != null && tried.add(current)) {
            String code = current;
            // espeak-ng names some voices by region (en-gb, fr-fr): the country's own, else the plainest
            Optional<String> voice = voices.contains(code) ? Optional.of(code)
                    : voices.stream().filter(v -> v.startsWith(code + "-"))
                            .min(java.util.Comparator.comparing((String v) -> !v.equals(code + "-" + code)).thenComparing(String::length)
                                    .thenComparing(v -> v));
            if (voice.isPresent()) {
                return voice;
            }
            current = directory.config().languages().stream().filter(l -> l.code().equals(code)).findFirst()
                    .map(HotlineConfig.Language::audioFallback).orElse(null);
        }
        return Optional.empty();
    }

    /** espeak-ng and sox, the Debian packages. */
    static final class Espeak {

        static Set<String> voices() throws IOException, InterruptedException {
            Process process = new ProcessBuilder("espeak-ng", "--voices").redirectErrorStream(true).start();
            Set<String> voices = new LinkedHashSet<>();
            for (String line : new String(process.getInputStream().readAllBytes()).split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 1 && !columns[0].equals("Pty")) {
                    voices.add(columns[1]);
                }
            }
            process.waitFor(30, TimeUnit.SECONDS);
            return voices;
        }

        static void render(String voice, String text, Path target) throws IOException, InterruptedException {
            Path spoken = Files.createTempFile("espeak", ".wav");
            try {
                run("espeak-ng", "-v", voice, "-w", spoken.toString(), text);
                // Asterisk's .wav and the telephone network: 8 kHz, mono, 16-bit PCM
                run("sox", spoken.toString(), "-r", "8000", "-c", "1", "-b", "16", target.toString());
            } finally {
                Files.deleteIfExists(spoken);
            }
        }

        private static void run(String... command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command[0] + " failed: " + output.trim());
            }
        }
    }
}
