package org.hotline.gateway.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.gateway.flow.FlowLoader.ParsedFlow;
import org.hotline.gateway.flow.FlowLoader.Ref;

/**
 * Checks a read flow against the deployment and its prompts: missing nodes, unreachable nodes,
 * keys used twice, undeclared teams, prompts missing in a language, nodes with no way to end,
 * loops that never wait for the caller.
 */
final class FlowValidator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Set<String> KNOWN_PLACEHOLDERS = Set.of("hours", "team", "key", "label", "position", "minutes", "language", "topic");

    private FlowValidator() {}

    static List<FlowProblem> validate(ParsedFlow flow, FlowEnvironment environment, Prompts prompts) {
        List<FlowProblem> problems = new ArrayList<>();
        checkReferences(flow, environment, prompts, problems);
        checkChoiceKeys(flow, problems);
        // a jump to a missing node leaves the graph incomplete: its checks would only repeat that error
        boolean graphComplete = flow.refs().stream()
                .noneMatch(r -> r.kind() == Ref.Kind.NODE && !flow.nodes().containsKey(r.id()));
        if (graphComplete) {
            checkReachability(flow, problems);
            checkWaysToEnd(flow, problems);
            checkLoopsWithoutWaiting(flow, problems);
        }
        checkTransfers(flow, environment, problems);
        if (flow.defaultLanguage() != null && environment.languages().stream().noneMatch(l -> l.code().equals(flow.defaultLanguage()))) {
            problems.add(FlowProblem.error(flow.file(), flow.line(), 1,
                    "default-language '" + flow.defaultLanguage() + "' is not a language of the deployment"));
        }
        return problems;
    }

    private static void checkReferences(ParsedFlow flow, FlowEnvironment environment, Prompts prompts, List<FlowProblem> problems) {
        for (Ref ref : flow.refs()) {
            switch (ref.kind()) {
                case NODE -> {
                    if (!flow.nodes().containsKey(ref.id())) {
                        problems.add(FlowProblem.error(flow.file(), ref.line(), ref.column(),
                                "jump to missing node '" + ref.id() + "' (from " + ref.from() + ")"));
                    }
                }
                case TEAM -> {
                    if (!environment.teamOverflowNumbers().containsKey(ref.id())) {
                        problems.add(FlowProblem.error(flow.file(), ref.line(), ref.column(), "route to undeclared team '" + ref.id()
                                + "' (from " + ref.from() + "); teams are " + new TreeSet<>(environment.teamOverflowNumbers().keySet())));
                    }
                }
                case PROMPT -> checkPrompt(flow, ref, environment, prompts, problems);
            }
        }
    }

    private static void checkPrompt(ParsedFlow flow, Ref ref, FlowEnvironment environment, Prompts prompts, List<FlowProblem> problems) {
        List<String> missing = new ArrayList<>();
        for (Flow.LanguageOption language : environment.languages()) {
            var prompt = prompts.find(language.code(), ref.id());
            if (prompt.isEmpty()) {
                missing.add(language.code());
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(prompt.get().text());
            while (m.find()) {
                if (!KNOWN_PLACEHOLDERS.contains(m.group(1))) {
                    problems.add(FlowProblem.error(prompt.get().file(), prompt.get().line(), 1,
                            "prompt '" + ref.id() + "' uses unknown placeholder {" + m.group(1) + "}; known are " + new TreeSet<>(KNOWN_PLACEHOLDERS)));
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.add(FlowProblem.error(flow.file(), ref.line(), ref.column(),
                    "prompt '" + ref.id() + "' (from " + ref.from() + ") is missing in language(s) " + String.join(", ", missing)
                            + " (ivr-scripts/prompts/<language>.yaml)"));
        }
    }

    private static void checkChoiceKeys(ParsedFlow flow, List<FlowProblem> problems) {
        for (Node node : flow.nodes().values()) {
            if (node instanceof Node.Menu menu) {
                Map<String, Integer> seen = new HashMap<>();
                for (Node.Choice choice : menu.choices()) {
                    if (choice.key() == null) {
                        continue;
                    }
                    Integer first = seen.putIfAbsent(choice.key(), choice.line());
                    if (first != null) {
                        problems.add(FlowProblem.error(flow.file(), choice.line(), 1, "choice key '" + choice.key() + "' used twice in node '"
                                + menu.id() + "' (first at line " + first + ")"));
                    }
                    if (choice.key().equals(flow.repeatKey()) || choice.key().equals(flow.officerKey())) {
                        problems.add(FlowProblem.error(flow.file(), choice.line(), 1, "choice key '" + choice.key() + "' in node '" + menu.id()
                                + "' is the flow's " + (choice.key().equals(flow.repeatKey()) ? "repeat" : "officer") + " key"));
                    }
                }
            }
        }
    }

    private static void checkReachability(ParsedFlow flow, List<FlowProblem> problems) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (flow.start() != null) {
            todo.add(flow.start());
        }
        if (flow.officerTarget() != null) {
            todo.add(flow.officerTarget());
        }
        while (!todo.isEmpty()) {
            String id = todo.poll();
            Node node = flow.nodes().get(id);
            if (node != null && reached.add(id)) {
                node.exits().stream().filter(e -> e != null).forEach(todo::add);
            }
        }
        for (Node node : flow.nodes().values()) {
            if (!reached.contains(node.id())) {
                problems.add(FlowProblem.error(flow.file(), node.line(), 1, "unreachable node '" + node.id() + "': nothing leads to it"));
            }
        }
    }

    /** Every node must have a path to an end or a transfer; waiting nodes count their every exit. */
    private static void checkWaysToEnd(ParsedFlow flow, List<FlowProblem> problems) {
        Map<String, Set<String>> incoming = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        Set<String> canEnd = new HashSet<>();
        for (Node node : flow.nodes().values()) {
            for (String exit : node.exits()) {
                if (exit != null) {
                    incoming.computeIfAbsent(exit, k -> new HashSet<>()).add(node.id());
                }
            }
            if (node instanceof Node.End || node instanceof Node.Transfer) {
                canEnd.add(node.id());
                todo.add(node.id());
            }
        }
        while (!todo.isEmpty()) {
            for (String from : incoming.getOrDefault(todo.poll(), Set.of())) {
                if (canEnd.add(from)) {
                    todo.add(from);
                }
            }
        }
        for (Node node : flow.nodes().values()) {
            if (!canEnd.contains(node.id())) {
                problems.add(FlowProblem.error(flow.file(), node.line(), 1, "node '" + node.id() + "' has no way to end: no path from it reaches an end or a transfer"));
            }
        }
    }

    /** A cycle of says, branches and refers would run forever without asking the caller anything. */
    private static void checkLoopsWithoutWaiting(ParsedFlow flow, List<FlowProblem> problems) {
        Set<String> reported = new HashSet<>();
        for (Node node : flow.nodes().values()) {
            if (isImmediate(node) && !reported.contains(node.id())) {
                Set<String> cycle = cycleThrough(flow, node.id());
                if (!cycle.isEmpty()) {
                    reported.addAll(cycle);
                    problems.add(FlowProblem.error(flow.file(), node.line(), 1,
                            "nodes " + cycle + " loop without ever waiting for the caller"));
                }
            }
        }
    }

    private static boolean isImmediate(Node node) {
        return node instanceof Node.Say || node instanceof Node.Branch || node instanceof Node.Refer;
    }

    private static Set<String> cycleThrough(ParsedFlow flow, String startId) {
        Deque<List<String>> todo = new ArrayDeque<>();
        todo.add(List.of(startId));
        Set<String> visited = new HashSet<>();
        while (!todo.isEmpty()) {
            List<String> path = todo.poll();
            Node last = flow.nodes().get(path.getLast());
            for (String exit : last.exits()) {
                Node next = exit == null ? null : flow.nodes().get(exit);
                if (next == null || !isImmediate(next)) {
                    continue;
                }
                if (exit.equals(startId)) {
                    return new LinkedHashSet<>(path);
                }
                if (visited.add(exit)) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(exit);
                    todo.add(longer);
                }
            }
        }
        return Set.of();
    }

    private static void checkTransfers(ParsedFlow flow, FlowEnvironment environment, List<FlowProblem> problems) {
        for (Node node : flow.nodes().values()) {
            if (node instanceof Node.Transfer transfer && transfer.overflowOf() != null
                    && environment.teamOverflowNumbers().containsKey(transfer.overflowOf())
                    && environment.teamOverflowNumbers().get(transfer.overflowOf()).isEmpty()) {
                problems.add(FlowProblem.error(flow.file(), node.line(), 1, "node '" + node.id() + "' transfers to the overflow of team '"
                        + transfer.overflowOf() + "', which has no overflow-numbers in hotline.yaml"));
            }
        }
    }
}
