package org.hotline.gateway.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.gateway.flow.Node.Asking;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.flow.Node.ReferralKind;
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

    private FlowLoader(String file, List<FlowProblem> problems) {
        this.file = file;
        this.problems = problems;
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
            refs.add(new Ref(Ref.Kind.NODE, start, lineOf(root, "start"), columnOf(root, "start"), "start"));
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
                refs.add(new Ref(Ref.Kind.NODE, officerTarget, lineOf(keys, "officer-goes-to"), columnOf(keys, "officer-goes-to"), "keys"));
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
                yield new Node.Say(id, line, prompt(n, "prompt", true, where), team(n, "team", false, where), next(n, "next", where));
            }
            case "menu" -> {
                n.onlyKeys(with(ASKING_FIELDS, "type", "prompt", "choices", "save-as"), where);
                yield new Node.Menu(id, line, prompt(n, "prompt", true, where), choices(n, where), n.string("save-as", false, where), asking(n, where));
            }
            case "language-menu" -> {
                n.onlyKeys(with(ASKING_FIELDS, "type", "prompt", "offer-returning", "next"), where);
                yield new Node.LanguageMenu(id, line, prompt(n, "prompt", true, where), n.bool("offer-returning", false, where),
                        next(n, "next", where), asking(n, where));
            }
            case "branch" -> {
                n.onlyKeys(Set.of("type", "cases", "otherwise"), where);
                yield new Node.Branch(id, line, cases(n, where), next(n, "otherwise", where));
            }
            case "yes-no" -> {
                n.onlyKeys(with(ASKING_FIELDS, "type", "prompt", "save-as", "yes", "no"), where);
                yield new Node.YesNo(id, line, prompt(n, "prompt", true, where), n.string("save-as", false, where),
                        next(n, "yes", where), next(n, "no", where), asking(n, where));
            }
            case "collect-digits" -> {
                n.onlyKeys(with(ASKING_FIELDS, "type", "prompt", "save-as", "min-digits", "max-digits", "validate", "next"), where);
                String validate = n.string("validate", false, where);
                if (validate != null && !validate.equals("phone")) {
                    n.problem(n.valueNode("validate"), "'validate' in " + where + " can only be 'phone'");
                }
                int min = n.integer("min-digits", 1, 1, 20, where);
                int max = n.integer("max-digits", 15, 1, 20, where);
                if (min > max) {
                    n.problem(n.valueNode("min-digits"), "'min-digits' is more than 'max-digits' in " + where);
                }
                yield new Node.CollectDigits(id, line, prompt(n, "prompt", true, where), n.string("save-as", true, where), min, max,
                        "phone".equals(validate), next(n, "next", where), asking(n, where));
            }
            case "route" -> {
                n.onlyKeys(Set.of("type", "team", "priority", "answered", "nobody", "timeout"), where);
                yield new Node.Route(id, line, team(n, "team", true, where), priority(n, "priority", where),
                        next(n, "answered", where), next(n, "nobody", where), next(n, "timeout", where));
            }
            case "record" -> {
                n.onlyKeys(Set.of("type", "prompt", "team", "priority", "max", "recorded", "silent"), where);
                Duration max = n.duration("max", Duration.ofSeconds(120), where);
                if (max.isZero() || max.compareTo(Duration.ofMinutes(10)) > 0) {
                    n.problem(n.valueNode("max"), "'max' in " + where + " must be between 1s and 10m");
                }
                yield new Node.Record(id, line, prompt(n, "prompt", false, where), team(n, "team", false, where),
                        n.has("priority") ? priority(n, "priority", where) : null, max, next(n, "recorded", where), next(n, "silent", where));
            }
            case "refer" -> {
                n.onlyKeys(Set.of("type", "kind", "urgency", "team", "next"), where);
                yield new Node.Refer(id, line, referralKind(n, where), n.has("urgency") ? priority(n, "urgency", where) : null,
                        team(n, "team", false, where),
                        next(n, "next", where));
            }
            case "transfer" -> {
                n.onlyKeys(Set.of("type", "number", "overflow-of"), where);
                String number = n.string("number", false, where);
                String overflowOf = team(n, "overflow-of", false, where);
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

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private Asking asking(YamlMap n, String where) {
        Duration timeout = n.duration("timeout", Duration.ofSeconds(6), where);
        int retries = n.integer("retries", 2, 0, 5, where);
        String invalid = n.has("invalid") ? prompt(n, "invalid", false, where) : "invalid_choice";
        String silence = n.has("silence") ? prompt(n, "silence", false, where) : "no_input";
        return new Asking(timeout, retries, invalid, silence, next(n, "on-failure", where));
    }

    private List<Node.Choice> choices(YamlMap n, String where) {
        List<Node.Choice> choices = new ArrayList<>();
        for (var item : n.list("choices", true, where)) {
            if (!YamlMap.isMap(item)) {
                n.problem(item, "each choice in " + where + " must be a mapping: { key: 1, label: ..., next: ... }");
                continue;
            }
            YamlMap c = new YamlMap(file, item, problems);
            c.onlyKeys(Set.of("key", "label", "value", "next"), "a choice of " + where);
            String key = c.string("key", true, "a choice of " + where);
            if (key != null && !key.matches("[0-9*#]")) {
                c.problem(c.valueNode("key"), "a choice key must be one keypad key (0-9, * or #), not '" + key + "'");
            }
            String label = prompt(c, "label", true, "a choice of " + where);
            String value = c.string("value", false, "a choice of " + where);
            choices.add(new Node.Choice(key, label, value == null ? key : value, next(c, "next", "a choice of " + where), c.line()));
        }
        if (choices.isEmpty() && n.has("choices")) {
            n.problem(n.valueNode("choices"), where + " has no choices");
        }
        return choices;
    }

    private List<Node.Case> cases(YamlMap n, String where) {
        List<Node.Case> cases = new ArrayList<>();
        for (var item : n.list("cases", true, where)) {
            if (!YamlMap.isMap(item)) {
                n.problem(item, "each case in " + where + " must be a mapping: { if: {...}, next: ... }");
                continue;
            }
            YamlMap c = new YamlMap(file, item, problems);
            c.onlyKeys(Set.of("if", "next"), "a case of " + where);
            YamlMap condition = c.map("if", true, "a case of " + where);
            Condition parsed = condition == null ? null : condition(condition, where);
            String next = next(c, "next", "a case of " + where);
            if (parsed != null) {
                cases.add(new Node.Case(parsed, next, c.line()));
            }
        }
        return cases;
    }

    private Condition condition(YamlMap c, String where) {
        String at = "the condition of " + where;
        c.onlyKeys(Set.of("open", "closed", "holiday", "channel", "language", "returning", "caller-known", "var", "equals"), at);
        int conditions = (int) c.keys().stream().filter(k -> !k.equals("equals")).count();
        if (conditions != 1) {
            c.problem(null, at + " must test exactly one thing (open, closed, holiday, channel, language, returning, caller-known or var)");
            return null;
        }
        if (c.has("open")) {
            return new Condition.TeamOpen(team(c, "open", true, at), true);
        }
        if (c.has("closed")) {
            return new Condition.TeamOpen(team(c, "closed", true, at), false);
        }
        if (c.has("holiday")) {
            return new Condition.Holiday(c.bool("holiday", true, at));
        }
        if (c.has("returning")) {
            return new Condition.ReturningCaller(c.bool("returning", true, at));
        }
        if (c.has("caller-known")) {
            return new Condition.CallerKnown(c.bool("caller-known", true, at));
        }
        if (c.has("channel")) {
            String channel = c.string("channel", true, at);
            if (!"voice".equals(channel) && !"chat".equals(channel)) {
                c.problem(c.valueNode("channel"), "'channel' in " + at + " must be voice or chat");
                return null;
            }
            return new Condition.ChannelIs(Channel.valueOf(channel.toUpperCase()));
        }
        if (c.has("language")) {
            return new Condition.LanguageIn(Set.copyOf(c.strings("language", at)));
        }
        String var = c.string("var", true, at);
        String equals = c.string("equals", true, at);
        return var == null || equals == null ? null : new Condition.VariableIs(var, equals);
    }

    private Priority priority(YamlMap n, String key, String where) {
        String text = n.string(key, false, where);
        if (text == null) {
            return Priority.NORMAL;
        }
        return switch (text) {
            case "urgent" -> Priority.URGENT;
            case "normal" -> Priority.NORMAL;
            default -> {
                n.problem(n.valueNode(key), "'" + key + "' in " + where + " must be urgent or normal, not '" + text + "'");
                yield Priority.NORMAL;
            }
        };
    }

    private ReferralKind referralKind(YamlMap n, String where) {
        String text = n.string("kind", true, where);
        for (ReferralKind kind : ReferralKind.values()) {
            if (kind.wireName().equals(text)) {
                return kind;
            }
        }
        if (text != null) {
            n.problem(n.valueNode("kind"), "'kind' in " + where + " must be one of case-referral, information, callback, voicemail; not '" + text + "'");
        }
        return ReferralKind.INFORMATION;
    }

    private String next(YamlMap n, String key, String where) {
        String target = n.string(key, true, where);
        if (target != null) {
            refs.add(new Ref(Ref.Kind.NODE, target, lineOf(n, key), columnOf(n, key), where));
        }
        return target;
    }

    private String prompt(YamlMap n, String key, boolean required, String where) {
        String id = n.string(key, required, where);
        if (id != null) {
            refs.add(new Ref(Ref.Kind.PROMPT, id, lineOf(n, key), columnOf(n, key), where));
        }
        return id;
    }

    private String team(YamlMap n, String key, boolean required, String where) {
        String id = n.string(key, required, where);
        if (id != null) {
            refs.add(new Ref(Ref.Kind.TEAM, id, lineOf(n, key), columnOf(n, key), where));
        }
        return id;
    }

    private static int lineOf(YamlMap n, String key) {
        var value = n.valueNode(key);
        return value == null ? n.line() : value.getStartMark().getLine() + 1;
    }

    private static int columnOf(YamlMap n, String key) {
        var value = n.valueNode(key);
        return value == null ? n.column() : value.getStartMark().getColumn() + 1;
    }
}
