package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwilioSettings;
import java.util.List;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.scripts.AudioNames;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.scripts.VoiceQuestion;

/**
 * Turns the engine's steps into TwiML. It decides only how things sound: a sentence is a
 * {@code <Say>} with the language's voice, or, for a language Twilio cannot speak, a {@code <Play>}
 * of its recorded or rendered audio.
 */
public class TwimlRenderer {

    static final String BASE = "/webhooks/twilio/voice";

    private final PromptRenderer prompts;
    private final TwilioSettings settings;
    private final String publicBaseUrl;
    /**
     * A question's sentences as TwiML, by question: the flow's questions are few and the same for
     * every caller (the 12-language menu is the first answer of every call), so each is written once.
     */
    private final java.util.Map<Step.Ask, String> questions = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_KEPT_QUESTIONS = 4096;

    public TwimlRenderer(PromptRenderer prompts, TwilioSettings settings, String publicBaseUrl) {
        this.prompts = prompts;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/$", "");
    }

    /** One sentence in a language, as a Say or a Play; a gather takes the same pieces. */
    Twiml sentence(String language, String text) {
        TwilioSettings.Speech speech = settings.speech().get(language);
        if (speech != null && speech.play()) {
            return Twiml.element("Play").text(publicBaseUrl + "/audio/" + language + "/" + AudioNames.of(language, text) + ".wav");
        }
        return Twiml.element("Say").attribute("language", speech == null ? null : speech.language())
                .attribute("voice", speech == null ? null : speech.voice()).text(text);
    }

    void say(Twiml response, String language, String promptId, String team) {
        response.add(sentence(language, prompts.text(language, promptId, team)));
    }

    /** The sentences of a question, each spoken or played. */
    List<Twiml> question(Step.Ask ask) {
        return VoiceQuestion.sentences(ask, prompts).stream().map(s -> sentence(s.language(), s.text())).toList();
    }

    void ask(Twiml response, Step.Ask ask, String turn) {
        boolean digits = ask.kind() == Step.AskKind.DIGITS;
        Twiml gather = Twiml.element("Gather").attribute("input", "dtmf").attribute("action", BASE + "/gather?lang=" + ask.language() + turn)
                .attribute("method", "POST").attribute("timeout", Math.max(1, ask.timeout().toSeconds()))
                .attribute("numDigits", digits ? ask.maxDigits() : 1).attribute("finishOnKey", digits ? "#" : "");
        String sentences = questions.get(ask);
        if (sentences == null) {
            StringBuilder written = new StringBuilder();
            question(ask).forEach(sentence -> written.append(sentence.toFragment()));
            sentences = written.toString();
            if (questions.size() < MAX_KEPT_QUESTIONS) {
                questions.put(ask, sentences);
            }
        }
        gather.add(Twiml.written(sentences));
        response.add(gather);
        // no key pressed: Twilio goes on to the next verb, which reports the silence
        response.add(Twiml.redirect(BASE + "/gather?silence=true&lang=" + ask.language() + turn));
    }

    void record(Twiml response, Step.Record record, String language, String turn) {
        response.add(Twiml.element("Record").attribute("action", BASE + "/record?lang=" + language + turn).attribute("method", "POST")
                .attribute("maxLength", record.max().toSeconds()).attribute("timeout", 5).attribute("playBeep", true));
    }
}
