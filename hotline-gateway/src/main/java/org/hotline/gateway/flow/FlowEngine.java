package org.hotline.gateway.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.gateway.flow.Flow.LanguageOption;
import org.hotline.gateway.flow.Input.Digits;
import org.hotline.gateway.flow.Input.Hangup;
import org.hotline.gateway.flow.Input.RecordingResult;
import org.hotline.gateway.flow.Input.RouteResult;
import org.hotline.gateway.flow.Input.Silence;
import org.hotline.gateway.flow.Input.Text;
import org.hotline.gateway.flow.Node.Asking;
import org.hotline.gateway.flow.Node.ReferralKind;
import org.hotline.gateway.flow.Step.AskKind;
import org.hotline.gateway.phone.PhoneNumbers;

/**
 * The interpreter: {@code advance(flow, state, input) -> (steps, state)}. Pure and deterministic: no
 * clock, store or channel; time, hours and caller facts arrive as {@link Facts}. It runs nodes until
 * one waits for input or the flow ends.
 */
public final class FlowEngine {

    /** Bounds one advance: a flow that loops without waiting is a bug, and must not hang a call. */
    static final int MAX_NODES_PER_ADVANCE = 100;
    private static final int LANGUAGES_PER_PAGE = 8;
    private static final String MORE_KEY = "9";

    private FlowEngine() {}

    public record Result(List<Step> steps, FlowState state) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    public static Result start(Flow flow, String sessionId, Facts facts) {
        FlowState state = new FlowState(flow.id(), sessionId, flow.start(), null, 0, 0, Map.of(), List.of(flow.start()),
                facts, Set.of(), false);
        return run(flow, state, new ArrayList<>());
    }

    public static Result advance(Flow flow, FlowState state, Input input) {
        if (state.ended()) {
            return new Result(List.of(), state);
        }
        if (input instanceof Hangup) {
            return hangup(flow, state);
        }
        List<Step> steps = new ArrayList<>();
        Node node = flow.node(state.node());
        return switch (node) {
            case Node.Route route when input instanceof RouteResult result -> run(flow, state.at(switch (result.outcome()) {
                case ANSWERED -> route.answered();
                case NOBODY -> route.nobody();
                case TIMEOUT -> route.timeout();
            }), steps);
            case Node.Record record when input instanceof RecordingResult result -> result.recorded()
                    ? run(flow, state.withVar("recording", result.recordingRef()).at(record.recorded()), steps)
                    : run(flow, state.at(record.silent()), steps);
            case Node.Menu menu -> answer(flow, state, menu.asking(), input, steps, reply -> matchMenu(flow, state, menu, reply));
            case Node.YesNo yesNo -> answer(flow, state, yesNo.asking(), input, steps, reply -> matchYesNo(flow, state, reply)
                    .map(yes -> state.withVar(yesNo.saveAs(), yes ? "yes" : "no").at(yes ? yesNo.yes() : yesNo.no())));
            case Node.CollectDigits collect -> answer(flow, state, collect.asking(), input, steps, reply -> matchDigits(flow, state, collect, reply));
            case Node.LanguageMenu menu -> answerLanguage(flow, state, menu, input, steps);
            // an input the waiting node does not expect (a key press during a queue): nothing changes
            default -> new Result(List.of(), state);
        };
    }

    /** Ends the session with what was collected: a recorded voicemail is never dropped by a hangup. */
    private static Result hangup(Flow flow, FlowState state) {
        List<Step> steps = new ArrayList<>();
        FlowState s = state;
        boolean voicemailReferred = s.referred().stream().anyMatch(id -> id.startsWith("voicemail:"));
        if (s.vars().containsKey("recording") && !voicemailReferred) {
            steps.add(new Step.Refer(referral(flow, s, "hangup", ReferralKind.VOICEMAIL, null, s.vars().get("team"), null)));
            s = s.withReferred("voicemail:hangup");
        }
        steps.add(new Step.End("hangup"));
        return new Result(steps, s.finished());
    }

    // running nodes until one waits

    private static Result run(Flow flow, FlowState start, List<Step> steps) {
        FlowState s = start;
        for (int visited = 0; visited < MAX_NODES_PER_ADVANCE; visited++) {
            Node node = flow.node(s.node());
            String language = languageOf(flow, s);
            switch (node) {
                case Node.Say say -> {
                    steps.add(new Step.Say(say.prompt(), language, say.team() != null ? say.team() : s.vars().get("team")));
                    s = s.at(say.next());
                }
                case Node.Branch branch -> s = s.at(firstMatching(branch, s));
                case Node.Refer refer -> {
                    s = refer(flow, s, refer, steps);
                    s = s.at(refer.next());
                }
                case Node.Transfer transfer -> {
                    steps.add(new Step.Transfer(transfer.number()));
                    steps.add(new Step.End("transferred"));
                    return new Result(steps, s.finished());
                }
                case Node.End end -> {
                    steps.add(new Step.End(end.reason()));
                    return new Result(steps, s.finished());
                }
                case Node.Route route -> {
                    s = s.withVar("team", route.team()).withVar("priority", route.priority().name().toLowerCase());
                    steps.add(new Step.Route(route.team(), route.priority(), language, s.vars().get("topic")));
                    return new Result(steps, s);
                }
                case Node.Record record -> {
                    if (record.team() != null) {
                        s = s.withVar("team", record.team());
                    }
                    if (record.priority() != null) {
                        s = s.withVar("priority", record.priority().name().toLowerCase());
                    }
                    if (record.prompt() != null) {
                        steps.add(new Step.Say(record.prompt(), language, s.vars().get("team")));
                    }
                    steps.add(new Step.Record(record.max()));
                    return new Result(steps, s);
                }
                case Node.LanguageMenu menu -> {
                    String returning = s.facts().returningLanguage();
                    boolean offer = menu.offerReturning() && returning != null
                            && flow.languages().stream().anyMatch(l -> l.code().equals(returning));
                    s = s.withPage(offer ? -1 : 0);
                    steps.add(askLanguage(flow, s, menu));
                    return new Result(steps, s);
                }
                case Node.Menu menu -> {
                    steps.add(ask(flow, s, menu));
                    return new Result(steps, s);
                }
                case Node.YesNo yesNo -> {
                    steps.add(ask(flow, s, yesNo));
                    return new Result(steps, s);
                }
                case Node.CollectDigits collect -> {
                    steps.add(ask(flow, s, collect));
                    return new Result(steps, s);
                }
            }
        }
        steps.add(new Step.End("error"));
        return new Result(steps, s.finished());
    }

    private static String firstMatching(Node.Branch branch, FlowState s) {
        for (Node.Case c : branch.cases()) {
            if (c.condition().holds(s)) {
                return c.next();
            }
        }
        return branch.otherwise();
    }

    private static String languageOf(Flow flow, FlowState s) {
        return s.language() != null ? s.language() : flow.defaultLanguage();
    }

    // refer

    private static FlowState refer(Flow flow, FlowState s, Node.Refer refer, List<Step> steps) {
        String referId = refer.kind().wireName() + ":" + refer.id();
        if (s.referred().contains(referId)) {
            return s;
        }
        String callbackNumber = null;
        if (refer.kind() == ReferralKind.CALLBACK) {
            // never call back a caller who did not say it is safe, or whose number we do not have
            if (!"yes".equals(s.vars().get("safe_to_call"))) {
                return s;
            }
            callbackNumber = s.vars().getOrDefault("callback_number", s.facts().callerKnown() ? "caller" : null);
            if (callbackNumber == null) {
                return s;
            }
        }
        steps.add(new Step.Refer(referral(flow, s, refer.id(), refer.kind(), refer.urgency(),
                refer.team() != null ? refer.team() : s.vars().get("team"), callbackNumber)));
        return s.withReferred(referId);
    }

    private static Referral referral(Flow flow, FlowState s, String nodeId, ReferralKind kind, Node.Priority urgency, String team,
                                     String callbackNumber) {
        String safe = s.vars().getOrDefault("safe_to_call", "unknown");
        Node.Priority priority = urgency != null ? urgency
                : "urgent".equals(s.vars().get("priority")) ? Node.Priority.URGENT : Node.Priority.NORMAL;
        return new Referral(s.sessionId() + ":" + nodeId, kind, priority, team, s.vars().get("topic"),
                s.language(), s.facts().channel(), safe, consentStep(flow, s), "yes".equals(safe) ? callbackNumber : null,
                s.vars().get("recording"), s.vars());
    }

    /** The question where the person said whether a callback is safe: the last one on their path that saved it. */
    public static String consentStep(Flow flow, FlowState s) {
        for (int i = s.path().size() - 1; i >= 0; i--) {
            if (flow.node(s.path().get(i)) instanceof Node.YesNo yesNo && "safe_to_call".equals(yesNo.saveAs())) {
                return yesNo.id();
            }
        }
        return null;
    }

    // asking

    private interface Matcher {
        Optional<FlowState> match(String reply);
    }

    /**
     * The shared life of every question: the repeat and officer keys, then the node's own matching,
     * then a reprompt for wrong input or silence, and the failure exit once retries are used up.
     */
    private static Result answer(Flow flow, FlowState s, Asking asking, Input input, List<Step> steps, Matcher matcher) {
        String reply = replyOf(input);
        if (reply == null && !(input instanceof Silence)) {
            return new Result(List.of(), s);
        }
        Node node = flow.node(s.node());
        boolean keysApply = !(node instanceof Node.CollectDigits);
        if (reply != null && keysApply && reply.equals(flow.repeatKey())) {
            steps.add(reask(flow, s));
            return new Result(steps, s);
        }
        if (reply != null && keysApply && reply.equals(flow.officerKey()) && flow.officerTarget() != null) {
            return run(flow, s.at(flow.officerTarget()), steps);
        }
        Optional<FlowState> matched = reply == null || reply.isEmpty() ? Optional.empty() : matcher.match(reply);
        if (matched.isPresent()) {
            FlowState next = matched.get();
            // a matcher that stays on the node (the language menu turning a page) has asked again itself
            return next.node().equals(s.node()) && next.path().size() == s.path().size()
                    ? new Result(List.of(reask(flow, next)), next)
                    : run(flow, next, steps);
        }
        int attempts = s.attempts() + 1;
        if (attempts > asking.retries()) {
            return run(flow, s.at(asking.onFailure()), steps);
        }
        FlowState retry = s.withAttempts(attempts);
        String prompt = reply == null || reply.isEmpty() ? asking.silencePrompt() : asking.invalidPrompt();
        if (prompt != null) {
            steps.add(new Step.Say(prompt, languageOf(flow, retry), null));
        }
        steps.add(reask(flow, retry));
        return new Result(steps, retry);
    }

    private static String replyOf(Input input) {
        return switch (input) {
            case Digits d -> d.digits().trim();
            case Text t -> t.text().strip();
            default -> null;
        };
    }

    private static Step.Ask reask(Flow flow, FlowState s) {
        return switch (flow.node(s.node())) {
            case Node.Menu m -> ask(flow, s, m);
            case Node.YesNo y -> ask(flow, s, y);
            case Node.CollectDigits c -> ask(flow, s, c);
            case Node.LanguageMenu l -> askLanguage(flow, s, l);
            default -> throw new IllegalStateException("node '" + s.node() + "' does not ask");
        };
    }

    private static Step.Ask ask(Flow flow, FlowState s, Node.Menu menu) {
        String language = languageOf(flow, s);
        List<Step.Option> options = menu.choices().stream()
                .map(c -> new Step.Option(c.key(), c.label(), language)).toList();
        return new Step.Ask(menu.id(), AskKind.MENU, menu.prompt(), language, options, menu.asking().timeout(),
                1, hasOfficerKey(flow), flow.repeatKey() != null);
    }

    private static Step.Ask ask(Flow flow, FlowState s, Node.YesNo yesNo) {
        String language = languageOf(flow, s);
        return new Step.Ask(yesNo.id(), AskKind.YES_NO, yesNo.prompt(), language,
                List.of(new Step.Option("1", "yes", language), new Step.Option("2", "no", language)),
                yesNo.asking().timeout(), 1, hasOfficerKey(flow), flow.repeatKey() != null);
    }

    private static Step.Ask ask(Flow flow, FlowState s, Node.CollectDigits collect) {
        return new Step.Ask(collect.id(), AskKind.DIGITS, collect.prompt(), languageOf(flow, s), List.of(),
                collect.asking().timeout(), collect.maxDigits(), false, false);
    }

    private static boolean hasOfficerKey(Flow flow) {
        return flow.officerKey() != null && flow.officerTarget() != null;
    }

    private static Optional<FlowState> matchMenu(Flow flow, FlowState s, Node.Menu menu, String reply) {
        String language = languageOf(flow, s);
        String normalized = normalize(reply);
        return menu.choices().stream()
                .filter(c -> c.key().equals(reply) || normalize(flow.prompts().text(language, c.label())).equals(normalized))
                .findFirst()
                .map(c -> s.withVar(menu.saveAs(), c.value()).at(c.next()));
    }

    private static Optional<Boolean> matchYesNo(Flow flow, FlowState s, String reply) {
        if (reply.equals("1")) {
            return Optional.of(true);
        }
        if (reply.equals("2")) {
            return Optional.of(false);
        }
        String language = languageOf(flow, s);
        String normalized = normalize(reply);
        if (words(flow, language, "yes_words").contains(normalized)) {
            return Optional.of(true);
        }
        if (words(flow, language, "no_words").contains(normalized)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static Set<String> words(Flow flow, String language, String promptId) {
        return flow.prompts().find(language, promptId)
                .map(p -> Set.of(p.text().split("\\s*,\\s*")).stream().map(FlowEngine::normalize)
                        .collect(java.util.stream.Collectors.toSet()))
                .orElse(Set.of());
    }

    private static Optional<FlowState> matchDigits(Flow flow, FlowState s, Node.CollectDigits collect, String reply) {
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

    // the language menu: pages of eight, 9 for more; a returning caller is first offered their language

    private static Step.Ask askLanguage(Flow flow, FlowState s, Node.LanguageMenu menu) {
        Duration timeout = menu.asking().timeout();
        if (s.page() < 0) {
            String returning = s.facts().returningLanguage();
            return new Step.Ask(menu.id(), AskKind.LANGUAGE, "continue_in_language", returning,
                    List.of(new Step.Option("1", "language_name", returning), new Step.Option("2", "other_languages", returning)),
                    timeout, 1, hasOfficerKey(flow), flow.repeatKey() != null);
        }
        List<Step.Option> options = new ArrayList<>();
        List<LanguageOption> page = languagePage(flow, s.page());
        for (int i = 0; i < page.size(); i++) {
            options.add(new Step.Option(String.valueOf(i + 1), "language_name", page.get(i).code()));
        }
        if (languagePages(flow) > 1) {
            options.add(new Step.Option(MORE_KEY, "more_languages", languageOf(flow, s)));
        }
        return new Step.Ask(menu.id(), AskKind.LANGUAGE, menu.prompt(), languageOf(flow, s), options, timeout, 1,
                hasOfficerKey(flow), flow.repeatKey() != null);
    }

    private static int languagePages(Flow flow) {
        int count = flow.languages().size();
        return count <= 9 ? 1 : (count + LANGUAGES_PER_PAGE - 1) / LANGUAGES_PER_PAGE;
    }

    private static List<LanguageOption> languagePage(Flow flow, int page) {
        List<LanguageOption> all = flow.languages();
        if (languagePages(flow) == 1) {
            return all;
        }
        return all.subList(page * LANGUAGES_PER_PAGE, Math.min(all.size(), (page + 1) * LANGUAGES_PER_PAGE));
    }

    private static Result answerLanguage(Flow flow, FlowState s, Node.LanguageMenu menu, Input input, List<Step> steps) {
        return answer(flow, s, menu.asking(), input, steps, reply -> {
            if (s.page() < 0) {
                if (reply.equals("1") || words(flow, s.facts().returningLanguage(), "yes_words").contains(normalize(reply))) {
                    return Optional.of(s.withLanguage(s.facts().returningLanguage()).at(menu.next()));
                }
                if (reply.equals("2") || words(flow, s.facts().returningLanguage(), "no_words").contains(normalize(reply))) {
                    return Optional.of(s.withPage(0));
                }
                return byName(flow, reply).map(code -> s.withLanguage(code).at(menu.next()));
            }
            if (reply.equals(MORE_KEY) && languagePages(flow) > 1) {
                return Optional.of(s.withPage((s.page() + 1) % languagePages(flow)));
            }
            List<LanguageOption> page = languagePage(flow, s.page());
            if (reply.matches("[1-9]") && Integer.parseInt(reply) <= page.size()) {
                return Optional.of(s.withLanguage(page.get(Integer.parseInt(reply) - 1).code()).at(menu.next()));
            }
            return byName(flow, reply).map(code -> s.withLanguage(code).at(menu.next()));
        });
    }

    private static Optional<String> byName(Flow flow, String reply) {
        String normalized = normalize(reply);
        return flow.languages().stream()
                .filter(l -> normalize(l.name()).equals(normalized) || normalize(l.englishName()).equals(normalized)
                        || l.code().equals(normalized))
                .map(LanguageOption::code).findFirst();
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
    }

}
