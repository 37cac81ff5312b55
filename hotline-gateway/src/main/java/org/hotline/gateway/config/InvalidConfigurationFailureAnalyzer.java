package org.hotline.gateway.config;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link InvalidConfigurationException} into a start-up report that lists every problem. */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        String description = cause.problems().stream()
                .map(p -> "  - " + p.path() + " = " + p.value() + "\n    " + p.message()
                        + (p.origin() == null ? "" : "\n    Origin: " + p.origin()))
                .collect(Collectors.joining("\n", "The hotline configuration has " + cause.problems().size()
                        + " problem(s):\n", ""));
        return new FailureAnalysis(description, "Correct the values named above and start again.", cause);
    }
}
