package org.hotline.gateway.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.gateway.flow.Node.Asking;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.flow.Node.ReferralKind;

/**
 * The fields of a node as the loader reads them: questions' common settings, choices, branch cases
 * and conditions, priorities, referral kinds, and the references to nodes, prompts and teams, each
 * noted with its line and column for the validator. Every problem is collected, none thrown.
 */
final class NodeFields {

    private final String file;
    private final List<FlowProblem> problems;
    private final List<FlowLoader.Ref> refs;

    NodeFields(String file, List<FlowProblem> problems, List<FlowLoader.Ref> refs) {
        this.file = file;
        this.problems = problems;
        this.refs = refs;
    }

    static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    Asking asking(YamlMap n, String where) {
        Duration timeout = n.duration("timeout", Duration.ofSeconds(6), where);
        int retries = n.integer("retries", 2, 0, 5, where);
        String invalid = n.has("invalid") ? prompt(n, "invalid", false, where) : "invalid_choice";
        String silence = n.has("silence") ? prompt(n, "silence", false, where) : "no_input";
        return new Asking(timeout, retries, invalid, silence, next(n, "on-failure", where));
    }

    List<Node.Choice> choices(YamlMap n, String where) {
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

    List<Node.Case> cases(YamlMap n, String where) {
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

    Condition condition(YamlMap c, String where) {
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

    Priority priority(YamlMap n, String key, String where) {
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

    ReferralKind referralKind(YamlMap n, String where) {
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

    String next(YamlMap n, String key, String where) {
        String target = n.string(key, true, where);
        if (target != null) {
            refs.add(new FlowLoader.Ref(FlowLoader.Ref.Kind.NODE, target, lineOf(n, key), columnOf(n, key), where));
        }
        return target;
    }

    String prompt(YamlMap n, String key, boolean required, String where) {
        String id = n.string(key, required, where);
        if (id != null) {
            refs.add(new FlowLoader.Ref(FlowLoader.Ref.Kind.PROMPT, id, lineOf(n, key), columnOf(n, key), where));
        }
        return id;
    }

    String team(YamlMap n, String key, boolean required, String where) {
        String id = n.string(key, required, where);
        if (id != null) {
            refs.add(new FlowLoader.Ref(FlowLoader.Ref.Kind.TEAM, id, lineOf(n, key), columnOf(n, key), where));
        }
        return id;
    }

    static int lineOf(YamlMap n, String key) {
        var value = n.valueNode(key);
        return value == null ? n.line() : value.getStartMark().getLine() + 1;
    }

    static int columnOf(YamlMap n, String key) {
        var value = n.valueNode(key);
        return value == null ? n.column() : value.getStartMark().getColumn() + 1;
    }
}
