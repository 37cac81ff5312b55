package org.hotline.gateway.scripts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Step;

/**
 * Every sentence a caller can hear in a flow, in every language: found by walking the flow with
 * the engine itself (every key, silence, every route and recording outcome; teams open and closed,
 * on holidays, for new and returning callers), so nothing the engine can say is left out and
 * nothing is guessed.
 */
public final class VoiceSentences {

    private static final List<Input> INPUTS = List.of(new Input.Digits("0"), new Input.Digits("1"), new Input.Digits("2"),
            new Input.Digits("3"), new Input.Digits("4"), new Input.Digits("5"), new Input.Digits("6"), new Input.Digits("7"),
            new Input.Digits("8"), new Input.Digits("9"), new Input.Digits("*"), new Input.Digits("#"), new Input.Silence(),
            new Input.RouteResult(Input.RouteOutcome.ANSWERED), new Input.RouteResult(Input.RouteOutcome.NOBODY),
            new Input.RouteResult(Input.RouteOutcome.TIMEOUT), new Input.RecordingResult(true, "recording"),
            new Input.RecordingResult(false, null), new Input.Hangup());

    private VoiceSentences() {}

    /** {@code languages}: the returning-caller languages to try; {@code teams}: the teams that may be open. */
    public static Set<VoiceQuestion.Sentence> of(Flow flow, PromptRenderer prompts, Collection<String> languages, Set<String> teams) {
        Set<VoiceQuestion.Sentence> sentences = new LinkedHashSet<>();
        Set<FlowState> seen = new HashSet<>();
        Set<Step> said = new HashSet<>();
        List<String> returning = new ArrayList<>(languages);
        returning.add(null);
        for (String language : returning) {
            for (Set<String> open : List.of(teams, Set.<String>of())) {
                for (boolean holiday : List.of(false, true)) {
                    for (boolean known : List.of(true, false)) {
                        var start = FlowEngine.start(flow, "render", new Facts(Channel.VOICE, known, language, open, holiday));
                        walk(flow, prompts, start, seen, said, sentences);
                    }
                }
            }
        }
        return sentences;
    }

    private static void walk(Flow flow, PromptRenderer prompts, FlowEngine.Result start, Set<FlowState> seen, Set<Step> said,
                             Set<VoiceQuestion.Sentence> sentences) {
        var pending = new ArrayDeque<FlowEngine.Result>();
        pending.add(start);
        while (!pending.isEmpty()) {
            var result = pending.poll();
            result.steps().stream().filter(said::add).forEach(step -> add(step, prompts, sentences));
            // states that lead to the same future are one: the path only records the past, and the
            // returning caller's language only decides the greeting, which is behind us by then
            FlowState state = result.state();
            Facts facts = state.facts();
            FlowState key = new FlowState(state.flowId(), "", state.node(), state.language(), state.attempts(), state.page(),
                    state.vars(), List.of(), new Facts(facts.channel(), facts.callerKnown(), null, facts.openTeams(), facts.holiday()),
                    state.referred(), state.ended());
            if (state.ended() || !seen.add(key)) {
                continue;
            }
            for (Input input : INPUTS) {
                try {
                    pending.add(FlowEngine.advance(flow, state, input));
                } catch (IllegalArgumentException | IllegalStateException notExpectedHere) {
                    // an input this step never receives (a route outcome at a menu): nothing to hear
                }
            }
        }
    }

    private static void add(Step step, PromptRenderer prompts, Set<VoiceQuestion.Sentence> sentences) {
        switch (step) {
            case Step.Say say -> sentences.add(new VoiceQuestion.Sentence(say.language(), prompts.text(say.language(), say.prompt(), say.team())));
            case Step.Ask ask -> sentences.addAll(VoiceQuestion.sentences(ask, prompts));
            default -> { }
        }
    }
}
