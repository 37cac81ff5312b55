package org.hotline.gateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.scripts.VoiceQuestion;
import org.hotline.gateway.scripts.VoiceQuestion.Sentence;
import org.hotline.gateway.scripts.VoiceSentences;
import org.junit.jupiter.api.Test;

/** The sentences prompts render gives audio to: everything a caller can hear, in every language. */
class VoiceSentencesTest {

    static final PromptRenderer prompts = new PromptRenderer(ShippedFlows.library().prompts(), ShippedFlows.directory());
    static final List<String> languages = ShippedFlows.directory().languagesInMenuOrder().stream().map(HotlineConfig.Language::code).toList();
    static final Set<String> teams = ShippedFlows.directory().teams().stream().map(HotlineConfig.Team::id).collect(Collectors.toSet());
    static final Set<Sentence> sentences = VoiceSentences.of(ShippedFlows.hotline(), prompts, languages, teams);

    @Test
    void shouldHoldWhatEveryLanguagesCallersHear() {
        for (String language : languages) {
            assertThat(sentences).as(language)
                    .contains(new Sentence(language, prompts.text(language, "closed_hours", "counter-trafficking")),
                            new Sentence(language, prompts.text(language, "voicemail_received", null)));
        }
    }

    @Test
    void shouldHoldEveryLineOfTheLanguageMenuInItsOwnLanguage() {
        var menu = FlowEngine.start(ShippedFlows.hotline(), "s", ShippedFlows.factsAt(java.time.LocalDateTime.of(2026, 12, 1, 10, 0),
                Channel.VOICE, true, null)).steps().stream().filter(Step.Ask.class::isInstance).map(Step.Ask.class::cast).findFirst().orElseThrow();

        assertThat(sentences).containsAll(VoiceQuestion.sentences(menu, prompts));
        assertThat(VoiceQuestion.sentences(menu, prompts)).extracting(Sentence::language).contains("ps", "prs");
    }

    @Test
    void shouldHoldNoSentenceTwiceAndNoBlankOne() {
        assertThat(sentences).allSatisfy(s -> assertThat(s.text()).isNotBlank());
        assertThat(sentences).extracting(Sentence::language).containsAll(languages);
    }
}
