package org.hotline.gateway.scripts;

import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.flow.Step;

/**
 * What a question sounds like on any voice channel: the prompt, then how to answer each option by
 * key (the language menu names each language in itself), then the officer key. Channels decide
 * whether a sentence is spoken by text-to-speech or played from audio.
 */
public final class VoiceQuestion {

    public record Sentence(String language, String text) {}

    private VoiceQuestion() {}

    public static List<Sentence> sentences(Step.Ask ask, PromptRenderer prompts) {
        List<Sentence> out = new ArrayList<>();
        String lang = ask.language();
        out.add(new Sentence(lang, prompts.text(lang, ask.prompt(), null)));
        switch (ask.kind()) {
            case LANGUAGE -> ask.options().forEach(o -> out.add(new Sentence(o.labelLanguage(), "language_name".equals(o.label())
                    ? prompts.option(o.labelLanguage(), "language_choice", "", o.key())
                    : prompts.option(o.labelLanguage(), "press_key", prompts.text(o.labelLanguage(), o.label(), null), o.key()))));
            case YES_NO -> out.add(new Sentence(lang, prompts.text(lang, "yes_no_keys", null)));
            case DIGITS -> out.add(new Sentence(lang, prompts.text(lang, "end_with_hash", null)));
            case MENU -> ask.options().forEach(o -> out.add(new Sentence(lang,
                    prompts.option(lang, "press_key", prompts.text(lang, o.label(), null), o.key()))));
        }
        if (ask.officerKey()) {
            out.add(new Sentence(lang, prompts.text(lang, "officer_key", null)));
        }
        return out;
    }
}
