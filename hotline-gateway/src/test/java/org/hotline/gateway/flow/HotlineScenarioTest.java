package org.hotline.gateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every path of the shipped hotline flow, as data: each file under scenarios/hotline is one call or
 * conversation (when, which channel, what the caller does) with the exact steps expected after
 * each input.
 */
class HotlineScenarioTest {

    static final Path SCENARIOS = TestConfig.repositoryRoot().resolve("hotline-gateway/src/test/resources/scenarios/hotline");

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @SuppressWarnings("unchecked")
    void shouldTakeExactlyTheExpectedSteps(Path file) throws IOException {
        Map<String, Object> scenario;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            scenario = new Yaml().load(reader);
        }
        Channel channel = Channel.valueOf(String.valueOf(scenario.getOrDefault("channel", "voice")).toUpperCase());
        boolean callerKnown = !"anonymous".equals(scenario.get("caller"));
        Facts facts = ShippedFlows.factsAt(LocalDateTime.parse(String.valueOf(scenario.get("at"))), channel, callerKnown,
                (String) scenario.get("returning"));
        Flow flow = ShippedFlows.hotline();

        List<Map<String, Object>> script = (List<Map<String, Object>>) scenario.get("script");
        FlowEngine.Result result = null;
        for (int i = 0; i < script.size(); i++) {
            Map<String, Object> exchange = script.get(i);
            if (i == 0) {
                result = FlowEngine.start(flow, "CA-TEST", facts);
            } else {
                result = FlowEngine.advance(flow, result.state(), input(String.valueOf(exchange.get("send")), channel));
            }
            List<String> expected = (List<String>) exchange.getOrDefault("expect", List.of());
            assertThat(result.steps().stream().map(StepText::of).toList())
                    .as("%s, exchange %d (send %s)", file.getFileName(), i, exchange.get("send"))
                    .containsExactlyElementsOf(expected);
        }
        assertThat(result.state().ended()).as("the scenario ends the session").isTrue();
        if (scenario.containsKey("path")) {
            assertThat(String.join(" > ", result.state().path())).isEqualTo(scenario.get("path"));
        }
    }

    /** send: digits or text; "silence", "hangup", a route outcome, or "recorded"/"silent". */
    static Input input(String send, Channel channel) {
        return switch (send) {
            case "silence" -> new Input.Silence();
            case "hangup" -> new Input.Hangup();
            case "answered" -> new Input.RouteResult(Input.RouteOutcome.ANSWERED);
            case "nobody" -> new Input.RouteResult(Input.RouteOutcome.NOBODY);
            case "timeout" -> new Input.RouteResult(Input.RouteOutcome.TIMEOUT);
            case "recorded" -> new Input.RecordingResult(true, "RE1");
            case "silent" -> new Input.RecordingResult(false, null);
            default -> channel == Channel.VOICE ? new Input.Digits(send) : new Input.Text(send);
        };
    }

    @Test
    void shouldCoverEveryNodeOfTheShippedFlowWithSomeScenario() throws IOException {
        List<String> visited = new ArrayList<>();
        for (Path file : scenarios().toList()) {
            String text = Files.readString(file);
            if (text.contains("path:")) {
                visited.add(text);
            }
        }
        // the scenarios' recorded paths together visit every node
        String allPaths = String.join("\n", visited);
        List<String> missing = ShippedFlows.hotline().nodes().keySet().stream()
                .filter(id -> !allPaths.matches("(?s).*(path: |> )" + id + "( |\\n|$).*")).toList();
        assertThat(missing).as("nodes no scenario passes through").isEmpty();
    }
}
