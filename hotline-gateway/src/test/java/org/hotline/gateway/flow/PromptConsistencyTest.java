package org.hotline.gateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every prompt exists in every language, and no language file copies the English words. */
class PromptConsistencyTest {

    // the same in every language by nature: digits and the names used to match replies
    private static final Set<String> MAY_EQUAL_ENGLISH = Set.of();

    @Test
    void shouldHaveEveryPromptInEveryLanguage() {
        Prompts prompts = ShippedFlows.library().prompts();
        Set<String> english = prompts.byLanguage().get("en").keySet();
        assertThat(prompts.languages()).hasSize(12);
        prompts.byLanguage().forEach((language, byId) ->
                assertThat(byId.keySet()).as("prompt ids of %s", language).isEqualTo(english));
    }

    @Test
    void shouldTranslateEveryPromptInsteadOfCopyingTheEnglish() {
        Prompts prompts = ShippedFlows.library().prompts();
        Map<String, Prompts.Prompt> english = prompts.byLanguage().get("en");
        prompts.byLanguage().forEach((language, byId) -> {
            if (!language.equals("en")) {
                byId.forEach((id, prompt) -> {
                    if (!MAY_EQUAL_ENGLISH.contains(id)) {
                        assertThat(prompt.text()).as("%s in %s", id, language).isNotEqualTo(english.get(id).text());
                    }
                });
            }
        });
    }

    @Test
    void shouldKeepThePlaceholdersOfTheEnglishText() {
        Prompts prompts = ShippedFlows.library().prompts();
        prompts.byLanguage().get("en").forEach((id, englishPrompt) -> {
            for (String placeholder : new String[] {"{team}", "{hours}", "{label}", "{key}"}) {
                boolean inEnglish = englishPrompt.text().contains(placeholder);
                prompts.byLanguage().forEach((language, byId) -> assertThat(byId.get(id).text().contains(placeholder))
                        .as("%s in %s has %s as English does", id, language, placeholder).isEqualTo(inEnglish));
            }
        });
    }

    @Test
    void shouldNameEachLanguageInItselfAsTheConfigurationDoes() {
        Prompts prompts = ShippedFlows.library().prompts();
        ShippedFlows.directory().languagesInMenuOrder().forEach(language ->
                assertThat(prompts.text(language.code(), "language_name")).isEqualTo(language.name()));
    }
}
