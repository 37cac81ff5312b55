package org.hotline.gateway.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.gateway.flow.Input.Hangup;
import org.hotline.gateway.flow.Input.RecordingResult;
import org.hotline.gateway.flow.Input.RouteResult;
import org.hotline.gateway.flow.Input.Silence;
import org.hotline.gateway.flow.Node.Asking;
import org.hotline.gateway.flow.Node.ReferralKind;

/**
 * The interpreter: {@code advance(flow, state, input) -> (steps, state)}. Pure and deterministic: no
 * clock, store or channel; time, hours and caller facts arrive as {@link Facts}. It runs nodes until
 * one waits for input or the flow ends.
 */
public final class FlowEngine {

    /** Bounds one advance: a flow that loops without waiting is a bug, and must not hang a call. */
    static final int MAX_NODES_PER_ADVANCE = 100;

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
            case Node.Menu menu -> answer(flow, state, menu.asking(), input, steps, reply -> Replies.matchMenu(flow, state, menu, reply));
            case Node.YesNo yesNo -> answer(flow, state, yesNo.asking(), input, steps, reply -> Replies.matchYesNo(flow, state, reply)
                    .map(yes -> state.withVar(yesNo.saveAs(), yes ? "yes" : "no").at(yes ? yesNo.yes() : yesNo.no())));
            case Node.CollectDigits collect -> answer(flow, state, collect.asking(), input, steps, reply -> Replies.matchDigits(flow, state, collect, reply));
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
                    s = s.withPage(offeredLanguage(flow, menu, s.facts()) != null ? -1 : 0);
                    steps.add(Questions.askLanguage(flow, s, menu));
                    return new Result(steps, s);
                }
                case Node.Menu menu -> {
                    steps.add(Questions.ask(flow, s, menu));
                    return new Result(steps, s);
                }
                case Node.YesNo yesNo -> {
                    steps.add(Questions.ask(flow, s, yesNo));
                    return new Result(steps, s);
                }
                case Node.CollectDigits collect -> {
                    steps.add(Questions.ask(flow, s, collect));
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

    static String languageOf(Flow flow, FlowState s) {
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

    /**
     * The one language the menu offers before its pages ("continue in …?"): the one the person
     * clearly writes in, else (when the menu offers it) the returning caller's last one; or null.
     */
    static String offeredLanguage(Flow flow, Node.LanguageMenu menu, Facts facts) {
        if (facts.writtenLanguage() != null && offers(flow, facts.writtenLanguage())) {
            return facts.writtenLanguage();
        }
        String returning = facts.returningLanguage();
        return menu.offerReturning() && returning != null && offers(flow, returning) ? returning : null;
    }

    private static boolean offers(Flow flow, String language) {
        return flow.languages().stream().anyMatch(l -> l.code().equals(language));
    }

    /**
     * The language menu: the reply read against its page, or the one-language offer. Words that are
     * no choice but clearly written in one of the hotline's languages get that offer, once.
     */
    private static Result answerLanguage(Flow flow, FlowState s, Node.LanguageMenu menu, Input input, List<Step> steps) {
        if (input instanceof Input.Text text && text.writtenIn() != null && s.page() >= 0 && s.facts().writtenLanguage() == null
                && offers(flow, text.writtenIn()) && Replies.matchLanguage(flow, s, menu, text.text()).isEmpty()) {
            FlowState offering = s.withFacts(s.facts().writtenIn(text.writtenIn())).withPage(-1);
            steps.add(Questions.askLanguage(flow, offering, menu));
            return new Result(steps, offering);
        }
        return answer(flow, s, menu.asking(), input, steps, reply -> Replies.matchLanguage(flow, s, menu, reply));
    }

    private interface Matcher {
        Optional<FlowState> match(String reply);
    }

    /**
     * The shared life of every question: the repeat and officer keys, then the node's own matching,
     * then a reprompt for wrong input or silence, and the failure exit once retries are used up.
     */
    private static Result answer(Flow flow, FlowState s, Asking asking, Input input, List<Step> steps, Matcher matcher) {
        String reply = Replies.replyOf(input);
        if (reply == null && !(input instanceof Silence)) {
            return new Result(List.of(), s);
        }
        Node node = flow.node(s.node());
        boolean keysApply = !(node instanceof Node.CollectDigits);
        if (reply != null && keysApply && reply.equals(flow.repeatKey())) {
            steps.add(Questions.reask(flow, s));
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
                    ? new Result(List.of(Questions.reask(flow, next)), next)
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
        steps.add(Questions.reask(flow, retry));
        return new Result(steps, retry);
    }

















}
