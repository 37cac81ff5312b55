package org.hotline.gateway.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.scripts.ScriptsConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The flow engine alone: a whole voicemail-and-callback call through the shipped hotline flow,
 * start plus six inputs. Each operation is one engine call (start or advance); target ≥ 1,000,000/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FlowEngineBenchmark {

    static final int CALLS_PER_PATH = 7;

    Flow flow;
    Facts facts;
    List<Input> inputs;

    @Setup
    public void load() {
        HotlineDirectory directory = org.hotline.gateway.testing.Shipped.directory();
        Path scripts = Path.of(System.getProperty("hotline.root", ".")).resolve("ivr-scripts");
        flow = FlowLibrary.load(scripts, ScriptsConfiguration.environmentOf(directory)).flow("hotline").orElseThrow();
        facts = new Facts(Channel.VOICE, true, null, Set.of("counter-trafficking", "avrr", "protection", "visa-centre"), false);
        inputs = List.of(new Input.Digits("2"), new Input.Digits("1"), new Input.RouteResult(Input.RouteOutcome.NOBODY),
                new Input.RecordingResult(true, "RE1"), new Input.Digits("1"), new Input.Digits("1"));
    }

    @Benchmark
    @OperationsPerInvocation(CALLS_PER_PATH)
    public int voicemailAndCallbackCall() {
        FlowEngine.Result result = FlowEngine.start(flow, "CA-BENCH", facts);
        int steps = result.steps().size();
        for (Input input : inputs) {
            result = FlowEngine.advance(flow, result.state(), input);
            steps += result.steps().size();
        }
        if (!result.state().ended()) {
            throw new IllegalStateException("the benchmark path no longer ends the call");
        }
        return steps;
    }
}
