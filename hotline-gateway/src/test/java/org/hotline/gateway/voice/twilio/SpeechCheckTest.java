package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwilioSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.twiml.voice.Say;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.gateway.testing.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechCheckTest {

    @Test
    void shouldNameTheLanguagesWithNeitherAVoiceNorAudio(@TempDir Path scripts) throws Exception {
        var speech = Map.of("bg", new TwilioSettings.Speech(Say.Language.BG_BG, null, false),
                "fa", new TwilioSettings.Speech(null, null, true),
                "ps", new TwilioSettings.Speech(null, null, true));
        Files.createDirectories(scripts.resolve("audio/ps"));
        Files.write(scripts.resolve("audio/ps/abc.wav"), new byte[] {1});
        var settings = new TwilioSettings("AC1", "token", URI.create("https://api.twilio.com"), "+35929394777", null, speech, false);

        assertThat(SpeechCheck.silentLanguages(Shipped.directory(), settings, scripts))
                .contains("fa", "en").doesNotContain("bg", "ps");
    }
}
