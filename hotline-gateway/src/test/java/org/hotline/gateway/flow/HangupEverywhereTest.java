package org.hotline.gateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A hang-up at every node that waits for the caller ends the session cleanly, keeps what was
 * collected, and never loses a recorded voicemail. The waiting states are found by searching the
 * shipped flow over every input, at several times and on both channels.
 */
class HangupEverywhereTest {

    private static final List<Input> INPUTS = List.of(
            new Input.Digits("1"), new Input.Digits("2"), new Input.Digits("3"), new Input.Digits("4"),
            new Input.Digits("9"), new Input.Digits("0"), new Input.Digits("0888000111"), new Input.Silence(),
            new Input.RouteResult(Input.RouteOutcome.ANSWERED), new Input.RouteResult(Input.RouteOutcome.NOBODY),
            new Input.RouteResult(Input.RouteOutcome.TIMEOUT),
            new Input.RecordingResult(true, "RE1"), new Input.RecordingResult(false, null));

    record Reached(FlowState state, List<Step> stepsSoFar) {}

    @Test
    void shouldEndCleanlyWhenTheCallerHangsUpAtAnyWaitingNode() {
        Flow flow = ShippedFlows.hotline();
        Map<String, Reached> waiting = reachWaitingNodes(flow);

        Set<String> waitingNodes = flow.nodes().values().stream()
                .filter(n -> n instanceof Node.Menu || n instanceof Node.LanguageMenu || n instanceof Node.YesNo
                        || n instanceof Node.CollectDigits || n instanceof Node.Route || n instanceof Node.Record)
                .map(Node::id).collect(Collectors.toSet());
        assertThat(waiting.keySet()).as("every waiting node was reached").containsAll(waitingNodes);

        for (Reached reached : waiting.values()) {
            FlowEngine.Result hangup = FlowEngine.advance(flow, reached.state(), new Input.Hangup());
            String node = reached.state().node();
            assertThat(hangup.state().ended()).as("ended after hang-up at %s", node).isTrue();
            assertThat(hangup.steps().getLast()).as("last step at %s", node).isEqualTo(new Step.End("hangup"));
            assertThat(hangup.state().vars()).as("answers kept at %s", node).isEqualTo(reached.state().vars());

            boolean recorded = reached.state().vars().containsKey("recording");
            boolean alreadyReferred = reached.stepsSoFar().stream().anyMatch(s -> s instanceof Step.Refer r
                    && r.referral().kind() == Node.ReferralKind.VOICEMAIL);
            long voicemailsNow = hangup.steps().stream().filter(s -> s instanceof Step.Refer r
                    && r.referral().kind() == Node.ReferralKind.VOICEMAIL).count();
            assertThat(voicemailsNow).as("voicemail referred exactly once at %s", node)
                    .isEqualTo(recorded && !alreadyReferred ? 1 : 0);
            assertThat(FlowEngine.advance(flow, hangup.state(), new Input.Digits("1")).steps())
                    .as("nothing happens after the end at %s", node).isEmpty();
        }
    }

    @Test
    void shouldReferAVoicemailRecordedJustBeforeTheHangup() {
        Flow flow = ShippedFlows.hotline();
        FlowState state = new FlowState("hotline", "CA1", "callback_offer", "en", 0, 0,
                Map.of("recording", "RE9", "team", "avrr", "topic", "return"), List.of("callback_offer"),
                ShippedFlows.factsAt(LocalDateTime.parse("2026-12-01T10:00"), Channel.VOICE, true, null), Set.of(), false);

        FlowEngine.Result result = FlowEngine.advance(flow, state, new Input.Hangup());

        assertThat(result.steps()).hasSize(2);
        Referral referral = ((Step.Refer) result.steps().getFirst()).referral();
        assertThat(referral.kind()).isEqualTo(Node.ReferralKind.VOICEMAIL);
        assertThat(referral.recordingRef()).isEqualTo("RE9");
        assertThat(referral.id()).isEqualTo("CA1:hangup");
        assertThat(referral.callbackNumber()).isNull();
    }

    static Map<String, Reached> reachWaitingNodes(Flow flow) {
        Map<String, Reached> found = new LinkedHashMap<>();
        List<Facts> variants = List.of(
                ShippedFlows.factsAt(LocalDateTime.parse("2026-12-01T10:00"), Channel.VOICE, true, null),
                ShippedFlows.factsAt(LocalDateTime.parse("2026-12-01T03:00"), Channel.VOICE, true, null),
                ShippedFlows.factsAt(LocalDateTime.parse("2026-12-01T10:00"), Channel.VOICE, false, "ar"),
                ShippedFlows.factsAt(LocalDateTime.parse("2026-12-01T03:00"), Channel.CHAT, true, null));
        for (Facts facts : variants) {
            Deque<Reached> todo = new ArrayDeque<>();
            FlowEngine.Result start = FlowEngine.start(flow, "CA-H", facts);
            todo.add(new Reached(start.state(), start.steps()));
            Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                Reached current = todo.poll();
                FlowState s = current.state();
                String key = s.node() + "|" + s.attempts() + "|" + s.page() + "|" + s.language() + "|" + s.vars().keySet() + "|" + s.referred();
                if (s.ended() || !seen.add(key)) {
                    continue;
                }
                found.putIfAbsent(s.node(), current);
                for (Input input : INPUTS) {
                    FlowEngine.Result next = FlowEngine.advance(flow, s, input);
                    List<Step> steps = new ArrayList<>(current.stepsSoFar());
                    steps.addAll(next.steps());
                    todo.add(new Reached(next.state(), steps));
                }
            }
        }
        return found;
    }
}
