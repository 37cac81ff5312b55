package org.hotline.gateway.scripts;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InvalidFlowsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidFlowsException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidFlowsException cause) {
        return new FailureAnalysis(cause.problems().stream().map(p -> "  " + p)
                .collect(Collectors.joining("\n", "The flows have " + cause.problems().size() + " error(s):\n", "")),
                "Correct the flows or prompts named above (check them with: ./hotline flow validate) and start again.", cause);
    }
}
