package org.hotline.gateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whatever a caller presses or writes, in whatever order, the session reaches an end within a
 * bound, one advance never runs away, and the safety rules hold: no callback without a "yes" to
 * safety and a number, no referral twice. Seeded, so a failure is reproducible from its seed.
 */
class RandomInputPropertyTest {

    private static final int RUNS = 3000;
    private static final int MAX_INPUTS = 400;
    private static final String[] REPLIES = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#", "", "11",
            "0888000111", "+359888000222", "yes", "no", "да", "نعم", "English", "hello", "help me", "😀"};
    private static final List<String> LANGUAGES = List.of("bg", "en", "ar", "uk", "ru", "fa", "prs", "ps", "tr", "ur", "ku", "fr");
    private static final List<String> TEAMS = List.of("counter-trafficking", "avrr", "protection", "visa-centre");

    @Test
    void shouldAlwaysEndWithinTheBoundAndKeepTheSafetyRules() {
        Flow flow = ShippedFlows.hotline();
        for (int run = 0; run < RUNS; run++) {
            long seed = 7919L * run + 17;
            Random random = new Random(seed);
            Facts facts = randomFacts(random);
            List<Step> all = new ArrayList<>();
            FlowEngine.Result result = FlowEngine.start(flow, "CA-" + run, facts);
            all.addAll(result.steps());
            int inputs = 0;
            while (!result.state().ended()) {
                if (++inputs > MAX_INPUTS) {
                    fail("seed %d: no end after %d inputs; at node %s", seed, MAX_INPUTS, result.state().node());
                }
                result = FlowEngine.advance(flow, result.state(), randomInput(random, facts.channel()));
                assertThat(result.steps().size()).as("seed %d: steps of one advance", seed).isLessThan(FlowEngine.MAX_NODES_PER_ADVANCE);
                all.addAll(result.steps());
            }
            assertThat(all.getLast()).as("seed %d ends with END", seed).isInstanceOf(Step.End.class);
            assertThat(((Step.End) all.getLast()).reason()).as("seed %d", seed).isNotEqualTo("error");
            checkReferrals(seed, all);
        }
    }

    private static void checkReferrals(long seed, List<Step> steps) {
        Set<String> ids = new HashSet<>();
        for (Step step : steps) {
            if (step instanceof Step.Refer refer) {
                Referral r = refer.referral();
                assertThat(ids.add(r.id())).as("seed %d: referral %s twice", seed, r.id()).isTrue();
                if (r.kind() == Node.ReferralKind.CALLBACK) {
                    assertThat(r.safeToCall()).as("seed %d: callback only when safe", seed).isEqualTo("yes");
                    assertThat(r.callbackNumber()).as("seed %d: callback needs a number", seed).isNotNull();
                } else if (!"yes".equals(r.safeToCall())) {
                    assertThat(r.callbackNumber()).as("seed %d: no number unless safe", seed).isNull();
                }
            }
        }
    }

    private static Facts randomFacts(Random random) {
        Set<String> open = new HashSet<>();
        TEAMS.forEach(t -> {
            if (random.nextBoolean()) {
                open.add(t);
            }
        });
        String returning = random.nextInt(4) == 0 ? LANGUAGES.get(random.nextInt(LANGUAGES.size())) : null;
        return new Facts(random.nextBoolean() ? Channel.VOICE : Channel.CHAT, random.nextInt(5) > 0, returning, open,
                random.nextInt(10) == 0);
    }

    private static Input randomInput(Random random, Channel channel) {
        int pick = random.nextInt(100);
        if (pick < 2) {
            return new Input.Hangup();
        }
        if (pick < 10) {
            return new Input.Silence();
        }
        if (pick < 20) {
            return new Input.RouteResult(Input.RouteOutcome.values()[random.nextInt(3)]);
        }
        if (pick < 28) {
            return random.nextBoolean() ? new Input.RecordingResult(true, "RE" + random.nextInt(100)) : new Input.RecordingResult(false, null);
        }
        String reply = REPLIES[random.nextInt(REPLIES.length)];
        return channel == Channel.VOICE ? new Input.Digits(reply) : new Input.Text(reply);
    }
}
