package org.hotline.gateway.scripts;

import java.util.List;
import java.util.stream.Collectors;
import org.hotline.gateway.flow.FlowProblem;

/** The flows or prompts have errors: the service does not start on them. */
public class InvalidFlowsException extends RuntimeException {

    private final List<FlowProblem> problems;

    public InvalidFlowsException(List<FlowProblem> problems) {
        super("Invalid flows:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<FlowProblem> problems() {
        return problems;
    }
}
