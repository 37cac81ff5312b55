package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwilioSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.config.HotlineDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up: which languages Twilio could leave silent. A language needs a Twilio voice, or audio
 * files to play (recorded, or rendered by prompts render); one with neither is reported by name.
 */
final class SpeechCheck {

    private static final Logger log = LoggerFactory.getLogger(SpeechCheck.class);

    private SpeechCheck() {}

    static List<String> silentLanguages(HotlineDirectory directory, TwilioSettings settings, Path scriptsDir) {
        List<String> silent = new ArrayList<>();
        for (var language : directory.languagesInMenuOrder()) {
            TwilioSettings.Speech speech = settings.speech().get(language.code());
            boolean voice = speech != null && !speech.play() && speech.language() != null;
            if (!voice && !hasAudio(scriptsDir.resolve("audio").resolve(language.code()))) {
                silent.add(language.code());
            }
        }
        return silent;
    }

    static void warn(HotlineDirectory directory, TwilioSettings settings, Path scriptsDir) {
        List<String> silent = silentLanguages(directory, settings, scriptsDir);
        if (!silent.isEmpty() && settings.configured()) {
            log.warn("Twilio has no voice for {} and {} holds no audio for them: callers choosing them would hear nothing."
                    + " Record the prompts or render them, or set hotline.twilio.speech for them", silent, scriptsDir.resolve("audio"));
        }
    }

    private static boolean hasAudio(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".wav"));
        } catch (IOException e) {
            return false;
        }
    }
}
