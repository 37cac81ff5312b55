package org.hotline.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.scripts.PromptRenderer;

/**
 * The flow's words as chat text: what a call says aloud, written; a question as a numbered list
 * ("1. Trafficking, forced labour or exploitation"), with the same choices as buttons. A language
 * menu names each language in itself.
 */
public final class ChatText {

    private final PromptRenderer prompts;
    private final String officerKey;

    /** {@code officerKey}: the flow's key for "a person, please", offered as the last choice. */
    public ChatText(PromptRenderer prompts, String officerKey) {
        this.prompts = prompts;
        this.officerKey = officerKey;
    }

    public String say(Step.Say say) {
        return prompts.text(say.language(), say.prompt(), say.team());
    }

    public Reply ask(Step.Ask ask) {
        String lang = ask.language();
        List<String> lines = new ArrayList<>();
        List<Reply.Button> buttons = new ArrayList<>();
        lines.add(prompts.text(lang, ask.prompt(), null));
        for (Step.Option option : ask.options()) {
            String label = prompts.text(option.labelLanguage(), option.label(), null);
            lines.add(option.key() + ". " + label);
            buttons.add(new Reply.Button(option.key(), label));
        }
        if (ask.officerKey() && officerKey != null) {
            String person = prompts.text(lang, "talk_to_person", null);
            lines.add(officerKey + ". " + person);
            buttons.add(new Reply.Button(officerKey, person));
        }
        if (!ask.options().isEmpty()) {
            lines.add(prompts.text(lang, "reply_with_number", null));
        }
        return new Reply(String.join("\n", lines), buttons);
    }

    /** What a person hears while their conversation waits for the team. */
    public String queued(String language) {
        return prompts.text(language, "chat_queued", null);
    }
}
