package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwilioSettings;
import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import java.util.List;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.scripts.AudioNames;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.scripts.VoiceQuestion;

/**
 * Turns the engine's steps into TwiML with the SDK's builders. It decides only how things sound:
 * a sentence is a {@code <Say>} with the language's voice, or, for a language Twilio cannot speak,
 * a {@code <Play>} of its recorded or rendered audio.
 */
public class TwimlRenderer {

    static final String BASE = "/webhooks/twilio/voice";

    private final PromptRenderer prompts;
    private final TwilioSettings settings;
    private final String publicBaseUrl;

    public TwimlRenderer(PromptRenderer prompts, TwilioSettings settings, String publicBaseUrl) {
        this.prompts = prompts;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/$", "");
    }

    /** One sentence in a language, as a Say or a Play; a gather takes the same pieces. */
    sealed interface Spoken {
        record Speech(Say say) implements Spoken {}

        record Audio(Play play) implements Spoken {}
    }

    Spoken sentence(String language, String text) {
        TwilioSettings.Speech speech = settings.speech().get(language);
        if (speech != null && speech.play()) {
            return new Spoken.Audio(new Play.Builder(publicBaseUrl + "/audio/" + language + "/" + AudioNames.of(language, text) + ".wav").build());
        }
        Say.Builder say = new Say.Builder(text);
        if (speech != null && speech.language() != null) {
            say.language(speech.language());
        }
        if (speech != null && speech.voice() != null) {
            say.voice(speech.voice());
        }
        return new Spoken.Speech(say.build());
    }

    void add(VoiceResponse.Builder response, Spoken spoken) {
        switch (spoken) {
            case Spoken.Speech s -> response.say(s.say());
            case Spoken.Audio a -> response.play(a.play());
        }
    }

    void say(VoiceResponse.Builder response, String language, String promptId, String team) {
        add(response, sentence(language, prompts.text(language, promptId, team)));
    }

    /** The sentences of a question, each spoken or played. */
    List<Spoken> question(Step.Ask ask) {
        return VoiceQuestion.sentences(ask, prompts).stream().map(s -> sentence(s.language(), s.text())).toList();
    }

    void ask(VoiceResponse.Builder response, Step.Ask ask, String turn) {
        boolean digits = ask.kind() == Step.AskKind.DIGITS;
        Gather.Builder gather = new Gather.Builder()
                .inputs(Gather.Input.DTMF)
                .action(BASE + "/gather?lang=" + ask.language() + turn)
                .method(HttpMethod.POST)
                .timeout((int) Math.max(1, ask.timeout().toSeconds()))
                .numDigits(digits ? ask.maxDigits() : 1)
                .finishOnKey(digits ? "#" : "");
        for (Spoken spoken : question(ask)) {
            switch (spoken) {
                case Spoken.Speech s -> gather.say(s.say());
                case Spoken.Audio a -> gather.play(a.play());
            }
        }
        response.gather(gather.build());
        // no key pressed: Twilio goes on to the next verb, which reports the silence
        response.redirect(new Redirect.Builder(BASE + "/gather?silence=true&lang=" + ask.language() + turn).method(HttpMethod.POST).build());
    }

    void record(VoiceResponse.Builder response, Step.Record record, String language, String turn) {
        response.record(new Record.Builder()
                .action(BASE + "/record?lang=" + language + turn)
                .method(HttpMethod.POST)
                .maxLength((int) record.max().toSeconds())
                .timeout(5)
                .playBeep(true)
                .build());
    }

    void pause(VoiceResponse.Builder response, int seconds) {
        response.pause(new Pause.Builder().length(seconds).build());
    }
}
