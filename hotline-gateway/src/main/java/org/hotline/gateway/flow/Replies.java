package org.hotline.gateway.flow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hotline.gateway.flow.Flow.LanguageOption;
import org.hotline.gateway.flow.Input.Digits;
import org.hotline.gateway.flow.Input.Text;
import org.hotline.gateway.phone.PhoneNumbers;

/**
 * How a reply is read: a key, or the words of a choice in the caller's language (chat), yes and no
 * in any of their words, digits (a phone number as E.164), a language by key or name. Pure.
 */
final class Replies {

    private Replies() {}

    static String replyOf(Input input) {
        return switch (input) {
            case Digits d -> d.digits().trim();
            case Text t -> t.text().strip();
            default -> null;
        };
    }
    static Optional<FlowState> matchMenu(Flow flow, FlowState s, Node.Menu menu, String reply) {
        String language = FlowEngine.languageOf(flow, s);
        String normalized = normalize(reply);
        return menu.choices().stream()
                .filter(c -> c.key().equals(reply) || normalize(flow.prompts().text(language, c.label())).equals(normalized))
                .findFirst()
                .map(c -> s.withVar(menu.saveAs(), c.value()).at(c.next()));
    }
    static Optional<Boolean> matchYesNo(Flow flow, FlowState s, String reply) {
        if (reply.equals("1")) {
            return Optional.of(true);
        }
        if (reply.equals("2")) {
            return Optional.of(false);
        }
        String language = FlowEngine.languageOf(flow, s);
        String normalized = normalize(reply);
        if (words(flow, language, "yes_words").contains(normalized)) {
            return Optional.of(true);
        }
        if (words(flow, language, "no_words").contains(normalized)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
    static Set<String> words(Flow flow, String language, String promptId) {
        return flow.prompts().find(language, promptId)
                .map(p -> Set.of(p.text().split("\\s*,\\s*")).stream().map(Replies::normalize)
                        .collect(java.util.stream.Collectors.toSet()))
                .orElse(Set.of());
    }
    static Optional<FlowState> matchDigits(Flow flow, FlowState s, Node.CollectDigits collect, String reply) {
        String digits = reply.replaceAll("[\\s().-]", "").replaceFirst("#$", "");
        if (!digits.matches("\\+?\\d+")) {
            return Optional.empty();
        }
        int count = digits.replace("+", "").length();
        if (count < collect.minDigits() || count > collect.maxDigits()) {
            return Optional.empty();
        }
        String value = digits;
        if (collect.phone()) {
            // a number dialled as 00359... is +359...
            String dialled = digits.startsWith("00") ? "+" + digits.substring(2) : digits;
            Optional<String> e164 = PhoneNumbers.normalize(dialled, flow.phoneRegion());
            if (e164.isEmpty()) {
                return Optional.empty();
            }
            value = e164.get();
        }
        return Optional.of(s.withVar(collect.saveAs(), value).at(collect.next()));
    }
    static Optional<String> byName(Flow flow, String reply) {
        String normalized = normalize(reply);
        return flow.languages().stream()
                .filter(l -> normalize(l.name()).equals(normalized) || normalize(l.englishName()).equals(normalized)
                        || l.code().equals(normalized))
                .map(LanguageOption::code).findFirst();
    }
    static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
    }

    /** A reply to the language menu: the returning offer (1 yes, 2 the menu), a key of the page, 9 for more, or a language's name. */
    static Optional<FlowState> matchLanguage(Flow flow, FlowState s, Node.LanguageMenu menu, String reply) {
        if (s.page() < 0) {
            String offered = FlowEngine.offeredLanguage(flow, menu, s.facts());
            if (reply.equals("1") || words(flow, offered, "yes_words").contains(normalize(reply))) {
                return Optional.of(s.withLanguage(offered).at(menu.next()));
            }
            if (reply.equals("2") || words(flow, offered, "no_words").contains(normalize(reply))) {
                return Optional.of(s.withPage(0));
            }
            return byName(flow, reply).map(code -> s.withLanguage(code).at(menu.next()));
        }
        if (reply.equals(Questions.MORE_KEY) && Questions.languagePages(flow) > 1) {
            return Optional.of(s.withPage((s.page() + 1) % Questions.languagePages(flow)));
        }
        List<LanguageOption> page = Questions.languagePage(flow, s.page());
        if (reply.matches("[1-9]") && Integer.parseInt(reply) <= page.size()) {
            return Optional.of(s.withLanguage(page.get(Integer.parseInt(reply) - 1).code()).at(menu.next()));
        }
        return byName(flow, reply).map(code -> s.withLanguage(code).at(menu.next()));
    }
}
