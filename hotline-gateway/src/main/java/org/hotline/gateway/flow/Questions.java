package org.hotline.gateway.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.flow.Flow.LanguageOption;
import org.hotline.gateway.flow.Step.AskKind;

/**
 * What a waiting node asks, as a step: a menu's choices, yes or no, digits, the language menu (pages
 * of eight, 9 for more; a returning caller is first offered their language). Pure, like the engine.
 */
final class Questions {

    static final int LANGUAGES_PER_PAGE = 8;
    static final String MORE_KEY = "9";

    private Questions() {}

    static Step.Ask reask(Flow flow, FlowState s) {
        return switch (flow.node(s.node())) {
            case Node.Menu m -> ask(flow, s, m);
            case Node.YesNo y -> ask(flow, s, y);
            case Node.CollectDigits c -> ask(flow, s, c);
            case Node.LanguageMenu l -> askLanguage(flow, s, l);
            default -> throw new IllegalStateException("node '" + s.node() + "' does not ask");
        };
    }
    static Step.Ask ask(Flow flow, FlowState s, Node.Menu menu) {
        String language = FlowEngine.languageOf(flow, s);
        List<Step.Option> options = menu.choices().stream()
                .map(c -> new Step.Option(c.key(), c.label(), language)).toList();
        return new Step.Ask(menu.id(), AskKind.MENU, menu.prompt(), language, options, menu.asking().timeout(),
                1, hasOfficerKey(flow), flow.repeatKey() != null);
    }
    static Step.Ask ask(Flow flow, FlowState s, Node.YesNo yesNo) {
        String language = FlowEngine.languageOf(flow, s);
        return new Step.Ask(yesNo.id(), AskKind.YES_NO, yesNo.prompt(), language,
                List.of(new Step.Option("1", "yes", language), new Step.Option("2", "no", language)),
                yesNo.asking().timeout(), 1, hasOfficerKey(flow), flow.repeatKey() != null);
    }
    static Step.Ask ask(Flow flow, FlowState s, Node.CollectDigits collect) {
        return new Step.Ask(collect.id(), AskKind.DIGITS, collect.prompt(), FlowEngine.languageOf(flow, s), List.of(),
                collect.asking().timeout(), collect.maxDigits(), false, false);
    }
    static boolean hasOfficerKey(Flow flow) {
        return flow.officerKey() != null && flow.officerTarget() != null;
    }
    static Step.Ask askLanguage(Flow flow, FlowState s, Node.LanguageMenu menu) {
        Duration timeout = menu.asking().timeout();
        if (s.page() < 0) {
            String offered = FlowEngine.offeredLanguage(flow, menu, s.facts());
            return new Step.Ask(menu.id(), AskKind.LANGUAGE, "continue_in_language", offered,
                    List.of(new Step.Option("1", "language_name", offered), new Step.Option("2", "other_languages", offered)),
                    timeout, 1, hasOfficerKey(flow), flow.repeatKey() != null);
        }
        List<Step.Option> options = new ArrayList<>();
        List<LanguageOption> page = languagePage(flow, s.page());
        for (int i = 0; i < page.size(); i++) {
            options.add(new Step.Option(String.valueOf(i + 1), "language_name", page.get(i).code()));
        }
        if (languagePages(flow) > 1) {
            options.add(new Step.Option(MORE_KEY, "more_languages", FlowEngine.languageOf(flow, s)));
        }
        return new Step.Ask(menu.id(), AskKind.LANGUAGE, menu.prompt(), FlowEngine.languageOf(flow, s), options, timeout, 1,
                hasOfficerKey(flow), flow.repeatKey() != null);
    }
    static int languagePages(Flow flow) {
        int count = flow.languages().size();
        return count <= 9 ? 1 : (count + LANGUAGES_PER_PAGE - 1) / LANGUAGES_PER_PAGE;
    }
    static List<LanguageOption> languagePage(Flow flow, int page) {
        List<LanguageOption> all = flow.languages();
        if (languagePages(flow) == 1) {
            return all;
        }
        return all.subList(page * LANGUAGES_PER_PAGE, Math.min(all.size(), (page + 1) * LANGUAGES_PER_PAGE));
    }
}
