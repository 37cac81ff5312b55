package org.hotline.gateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hotline.gateway.testing.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node types and conditions the shipped flow does not use, on a small fixture flow. */
class EveryNodeTypeTest {

    static final Path ENGINE = TestConfig.repositoryRoot().resolve("hotline-gateway/src/test/resources/flows/engine");

    static Flow flow;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        Path scripts = dir.resolve("scripts");
        Files.createDirectories(scripts.resolve("prompts"));
        for (String language : List.of("en", "bg")) {
            Files.copy(FlowValidatorTest.BROKEN.resolve("prompts/" + language + ".yaml"), scripts.resolve("prompts/" + language + ".yaml"));
        }
        Files.copy(ENGINE.resolve("every-node.yaml"), scripts.resolve("every-node.yaml"));
        FlowLibrary library = FlowLibrary.load(scripts, FlowValidatorTest.ENVIRONMENT);
        assertThat(library.problems()).isEmpty();
        flow = library.flow("every-node").orElseThrow();
    }

    @Test
    void shouldUseEveryNodeTypeOfTheLanguageInTheFixtures() {
        Set<String> types = Set.copyOf(flow.nodes().values().stream().map(n -> n.getClass().getSimpleName()).toList());
        assertThat(types).containsExactlyInAnyOrder("Say", "LanguageMenu", "Branch", "Menu", "CollectDigits", "YesNo", "Refer",
                "Transfer", "End");
        // route and record are used, and tested, by the shipped hotline flow
        assertThat(ShippedFlows.hotline().nodes().values()).anyMatch(n -> n instanceof Node.Route).anyMatch(n -> n instanceof Node.Record);
        assertThat(FlowLoader.NODE_TYPES).hasSize(11);
    }

    @Test
    void shouldSayWhetherAFlowReadsAReturningCallersLanguage() {
        assertThat(flow.readsReturningLanguage()).as("the fixture offers it").isTrue();
        assertThat(ShippedFlows.hotline().readsReturningLanguage()).as("the shipped flow does not (offer-returning: false)").isFalse();
    }

    @Test
    void shouldTransferToTheTeamsFirstOverflowNumberWhenClosed() {
        var result = FlowEngine.start(flow, "S1", facts(Channel.VOICE, Set.of(), false, null));
        result = FlowEngine.advance(flow, result.state(), new Input.Digits("1"));
        assertThat(result.steps()).extracting(StepText::of).containsExactly("TRANSFER +35929394777", "END transferred");
        assertThat(result.state().ended()).isTrue();
    }

    @Test
    void shouldEndOnAHolidayAndGiveTheEndsReason() {
        var result = FlowEngine.start(flow, "S1", facts(Channel.VOICE, Set.of("alpha"), true, null));
        result = FlowEngine.advance(flow, result.state(), new Input.Digits("2"));
        assertThat(result.steps()).extracting(StepText::of).containsExactly("END finished");
    }

    @Test
    void shouldCollectDigitsBranchOnTheSavedValueAndReferWithConsent() {
        var result = walk(facts(Channel.VOICE, Set.of("alpha"), false, null), "2", "1", "12", "1234", "1");
        assertThat(result.steps()).extracting(StepText::of).containsExactly(
                "REFER case-referral urgent alpha null safe=unknown callback=- recording=-",
                "REFER information normal beta null safe=unknown callback=- recording=-",
                "END finished");
        Referral referral = ((Step.Refer) result.steps().getFirst()).referral();
        assertThat(referral.answers()).containsEntry("choice", "a").containsEntry("number", "1234").containsEntry("consent", "yes");
        assertThat(referral.id()).isEqualTo("S1:case");
        assertThat(referral.language()).isEqualTo("bg");
    }

    @Test
    void shouldRejectDigitsOutsideTheLengthLimits() {
        var result = walk(facts(Channel.VOICE, Set.of("alpha"), false, null), "2", "1", "12345");
        assertThat(result.steps()).extracting(StepText::of).containsExactly("SAY invalid_choice", "ASK ask_number bg digits");
    }

    @Test
    void shouldTakeTheFailureExitWhenRetriesAreUsedUp() {
        var result = walk(facts(Channel.VOICE, Set.of("alpha"), false, null), "1", "7");
        assertThat(result.steps()).extracting(StepText::of).containsExactly("SAY invalid_choice", "ASK pick en 1,2");
        result = FlowEngine.advance(flow, result.state(), new Input.Digits("7"));
        assertThat(result.steps()).extracting(StepText::of).containsExactly("TRANSFER +35929394777", "END transferred");
    }

    @Test
    void shouldOfferTheReturningLanguageAndAcceptItsYesWord() {
        var start = FlowEngine.start(flow, "S1", facts(Channel.CHAT, Set.of("alpha"), false, "bg"));
        assertThat(start.steps()).extracting(StepText::of).containsExactly("SAY hello", "ASK lang bg 1,2");
        var result = FlowEngine.advance(flow, start.state(), new Input.Text("Да"));
        assertThat(result.steps()).extracting(StepText::of).containsExactly("ASK pick bg 1,2");
        assertThat(result.state().language()).isEqualTo("bg");
    }

    @Test
    void shouldIgnoreAnInputTheWaitingNodeDoesNotExpect() {
        var start = FlowEngine.start(flow, "S1", facts(Channel.VOICE, Set.of("alpha"), false, null));
        var result = FlowEngine.advance(flow, start.state(), new Input.RouteResult(Input.RouteOutcome.ANSWERED));
        assertThat(result.steps()).isEmpty();
        assertThat(result.state()).isEqualTo(start.state());
    }

    @Test
    void shouldBeDeterministic() {
        Facts facts = facts(Channel.VOICE, Set.of("alpha"), false, null);
        assertThat(walk(facts, "2", "1", "1234", "1")).isEqualTo(walk(facts, "2", "1", "1234", "1"));
    }

    private static FlowEngine.Result walk(Facts facts, String... digits) {
        var result = FlowEngine.start(flow, "S1", facts);
        for (String d : digits) {
            result = FlowEngine.advance(flow, result.state(), new Input.Digits(d));
        }
        return result;
    }

    private static Facts facts(Channel channel, Set<String> open, boolean holiday, String returning) {
        return new Facts(channel, true, returning, open, holiday);
    }

}
