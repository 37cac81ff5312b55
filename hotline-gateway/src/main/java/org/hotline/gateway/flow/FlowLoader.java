package org.hotline.gateway.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one flow file into nodes, and notes every reference to another node, a prompt or a team
 * with the place it was written, for {@link FlowValidator}. Reports problems, never throws on bad input.
 */
final class FlowLoader {

    /** A reference written in a flow: to a node, a prompt or a team. */
    record Ref(Kind kind, String id, int line, int column, String from) {
        enum Kind { NODE, PROMPT, TEAM }
    }

    /** A flow as read, before it is bound to languages and prompts. */
    record ParsedFlow(String id, String file, int line, String start, String defaultLanguage, String phoneRegion,
                      String repeatKey, String officerKey, String officerTarget,
                      Map<String, Node> nodes, List<Ref> refs) {}

    static final Set<String> NODE_TYPES = Set.of("say", "menu", "language-menu", "branch", "yes-no", "collect-digits",
            "route", "record", "refer", "transfer", "end");
    private static final Set<String> ASKING_FIELDS = Set.of("timeout", "retries", "invalid", "silence", "on-failure");

    private final String file;
    private final List<FlowProblem> problems;
    private final List<Ref> refs = new ArrayList<>();
    private final NodeFields fields;

    private FlowLoader(String file, List<FlowProblem> problems) {
        this.file = file;
        this.problems = problems;
        this.fields = new NodeFields(file, problems, refs);
    }

    static ParsedFlow load(Path path, String displayName, List<FlowProblem> problems) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            var root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null || !YamlMap.isMap(root)) {
                problems.add(FlowProblem.error(displayName, 1, 1, "a flow file must be a mapping with 'flow', 'start' and 'nodes'"));
                return null;
            }
            return new FlowLoader(displayName, problems).read(new YamlMap(displayName, root, problems));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(FlowProblem.error(displayName, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "not valid YAML: " + e.getProblem()));
            return null;
        } catch (IOException e) {
            problems.add(FlowProblem.error(displayName, 1, 1, "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private ParsedFlow read(YamlMap root) {
        root.onlyKeys(Set.of("flow", "description", "start", "default-language", "phone-region", "keys", "nodes"), "a flow");
        String id = root.string("flow", true, "a flow");
        String start = root.string("start", true, "a flow");
        if (start != null) {
            refs.add(new Ref(Ref.Kind.NODE, start, fields.lineOf(root, "start"), fields.columnOf(root, "start"), "start"));
        }
        String repeatKey = "*";
        String officerKey = null;
        String officerTarget = null;
        YamlMap keys = root.map("keys", false, "a flow");
        if (keys != null) {
            keys.onlyKeys(Set.of("repeat", "officer", "officer-goes-to"), "keys");
            repeatKey = keys.has("repeat") ? keys.string("repeat", false, "keys") : repeatKey;
            officerKey = keys.string("officer", false, "keys");
            officerTarget = keys.string("officer-goes-to", officerKey != null, "keys");
            if (officerTarget != null) {
                refs.add(new Ref(Ref.Kind.NODE, officerTarget, fields.lineOf(keys, "officer-goes-to"), fields.columnOf(keys, "officer-goes-to"), "keys"));
            }
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        YamlMap nodeMap = root.map("nodes", true, "a flow");
        if (nodeMap != null) {
            for (String nodeId : nodeMap.keys()) {
                YamlMap body = nodeMap.map(nodeId, true, "node '" + nodeId + "'");
                if (body != null) {
                    Node node = readNode(nodeId, body, nodeMap.keyNode(nodeId).getStartMark().getLine() + 1);
                    if (node != null) {
                        nodes.put(nodeId, node);
                    }
                }
            }
        }
        return new ParsedFlow(id, file, root.line(), start, root.string("default-language", false, "a flow"),
                root.string("phone-region", false, "a flow"), repeatKey, officerKey, officerTarget, nodes, List.copyOf(refs));
    }

    /** {@code line} is where the node's id is written: problems about the whole node point there. */
    private Node readNode(String id, YamlMap n, int line) {
        String where = "node '" + id + "'";
        String type = n.string("type", true, where);
        if (type == null) {
            return null;
        }
        if (!NODE_TYPES.contains(type)) {
            n.problem(n.valueNode("type"), "unknown node type '" + type + "' in " + where + "; known types are " + new java.util.TreeSet<>(NODE_TYPES));
            return null;
        }
        return switch (type) {
            case "say" -> {
                n.onlyKeys(Set.of("type", "prompt", "team", "next"), where);
                yield new Node.Say(id, line, fields.prompt(n, "prompt", true, where), fields.team(n, "team", false, where), fields.next(n, "next", where));
            }
            case "menu" -> {
                n.onlyKeys(fields.with(ASKING_FIELDS, "type", "prompt", "choices", "save-as"), where);
                yield new Node.Menu(id, line, fields.prompt(n, "prompt", true, where), fields.choices(n, where), n.string("save-as", false, where), fields.asking(n, where));
            }
            case "language-menu" -> {
                n.onlyKeys(fields.with(ASKING_FIELDS, "type", "prompt", "offer-returning", "next"), where);
                yield new Node.LanguageMenu(id, line, fields.prompt(n, "prompt", true, where), n.bool("offer-returning", false, where),
                        fields.next(n, "next", where), fields.asking(n, where));
            }
            case "branch" -> {
                n.onlyKeys(Set.of("type", "cases", "otherwise"), where);
                yield new Node.Branch(id, line, fields.cases(n, where), fields.next(n, "otherwise", where));
            }
            case "yes-no" -> {
                n.onlyKeys(fields.with(ASKING_FIELDS, "type", "prompt", "save-as", "yes", "no"), where);
                yield new Node.YesNo(id, line, fields.prompt(n, "prompt", true, where), n.string("save-as", false, where),
                        fields.next(n, "yes", where), fields.next(n, "no", where), fields.asking(n, where));
            }
            case "collect-digits" -> {
                n.onlyKeys(fields.with(ASKING_FIELDS, "type", "prompt", "save-as", "min-digits", "max-digits", "validate", "next"), where);
                String validate = n.string("validate", false, where);
                if (validate != null && !validate.equals("phone")) {
                    n.problem(n.valueNode("validate"), "'validate' in " + where + " can only be 'phone'");
                }
                int min = n.integer("min-digits", 1, 1, 20, where);
                int max = n.integer("max-digits", 15, 1, 20, where);
                if (min > max) {
                    n.problem(n.valueNode("min-digits"), "'min-digits' is more than 'max-digits' in " + where);
                }
                yield new Node.CollectDigits(id, line, fields.prompt(n, "prompt", true, where), n.string("save-as", true, where), min, max,
                        "phone".equals(validate), fields.next(n, "next", where), fields.asking(n, where));
            }
            case "route" -> {
                n.onlyKeys(Set.of("type", "team", "priority", "answered", "nobody", "timeout"), where);
                yield new Node.Route(id, line, fields.team(n, "team", true, where), fields.priority(n, "priority", where),
                        fields.next(n, "answered", where), fields.next(n, "nobody", where), fields.next(n, "timeout", where));
            }
            case "record" -> {
                n.onlyKeys(Set.of("type", "prompt", "team", "priority", "max", "recorded", "silent"), where);
                Duration max = n.duration("max", Duration.ofSeconds(120), where);
                if (max.isZero() || max.compareTo(Duration.ofMinutes(10)) > 0) {
                    n.problem(n.valueNode("max"), "'max' in " + where + " must be between 1s and 10m");
                }
                yield new Node.Record(id, line, fields.prompt(n, "prompt", false, where), fields.team(n, "team", false, where),
                        n.has("priority") ? fields.priority(n, "priority", where) : null, max, fields.next(n, "recorded", where), fields.next(n, "silent", where));
            }
            case "refer" -> {
                n.onlyKeys(Set.of("type", "kind", "urgency", "team", "next"), where);
                yield new Node.Refer(id, line, fields.referralKind(n, where), n.has("urgency") ? fields.priority(n, "urgency", where) : null,
                        fields.team(n, "team", false, where),
                        fields.next(n, "next", where));
            }
            case "transfer" -> {
                n.onlyKeys(Set.of("type", "number", "overflow-of"), where);
                String number = n.string("number", false, where);
                String overflowOf = fields.team(n, "overflow-of", false, where);
                if ((number == null) == (overflowOf == null)) {
                    n.problem(null, where + " needs exactly one of 'number' or 'overflow-of'");
                }
                if (number != null && !org.hotline.gateway.phone.PhoneNumbers.isValidE164(number)) {
                    n.problem(n.valueNode("number"), "'number' in " + where + " is not a phone number in E.164 form (+359...)");
                }
                yield new Node.Transfer(id, line, number, overflowOf);
            }
            default -> {
                n.onlyKeys(Set.of("type", "reason"), where);
                String reason = n.string("reason", false, where);
                yield new Node.End(id, line, reason == null ? "completed" : reason);
            }
        };
    }
}
