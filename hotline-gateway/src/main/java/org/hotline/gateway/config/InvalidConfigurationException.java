package org.hotline.gateway.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start-up when the deployment's configuration is wrong; lists every problem found. */
public class InvalidConfigurationException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public InvalidConfigurationException(List<ConfigProblem> problems) {
        super("Invalid configuration:\n" + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
