package org.hotline.gateway.flow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Caller-facing texts per language, from {@code ivr-scripts/prompts/<lang>.yaml}: text for speech
 * and chat, and optionally the name of a recorded audio file for the same words.
 */
public record Prompts(Map<String, Map<String, Prompt>> byLanguage) {

    public Prompts {
        byLanguage = Map.copyOf(byLanguage);
    }

    public record Prompt(String text, String audio, String file, int line) {}

    public Optional<Prompt> find(String language, String id) {
        Map<String, Prompt> prompts = byLanguage.get(language);
        return prompts == null ? Optional.empty() : Optional.ofNullable(prompts.get(id));
    }

    /** The text of a prompt; validation guarantees it exists for every configured language. */
    public String text(String language, String id) {
        return find(language, id).map(Prompt::text)
                .orElseThrow(() -> new IllegalStateException("no prompt '" + id + "' in language '" + language + "'"));
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }
}
