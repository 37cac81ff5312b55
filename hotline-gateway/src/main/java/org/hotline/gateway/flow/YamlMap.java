package org.hotline.gateway.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with SnakeYAML's node API, so that every value keeps its line and column.
 * Getters report problems (missing, wrong type, unknown keys) instead of throwing, so a file is
 * read to the end and every problem is listed.
 */
final class YamlMap {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private final String file;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<FlowProblem> problems;

    YamlMap(String file, Node node, List<FlowProblem> problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                        problem(tuple.getKeyNode(), "'" + key.getValue() + "' is written twice");
                    }
                }
            }
        }
    }

    static boolean isMap(Node node) {
        return node instanceof MappingNode;
    }

    String file() {
        return file;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    int column() {
        return node.getStartMark().getColumn() + 1;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node valueNode(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    Node keyNode(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getKeyNode();
    }

    /** Reports every key not in {@code allowed}, at its line. */
    void onlyKeys(Set<String> allowed, String where) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                problem(keyNode(key), "unknown field '" + key + "' in " + where + "; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    String string(String key, boolean required, String where) {
        Node value = valueNode(key);
        if (value == null) {
            if (required) {
                problem(node, where + " needs '" + key + "'");
            }
            return null;
        }
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(value, "'" + key + "' in " + where + " must be a single value");
        return null;
    }

    int integer(String key, int fallback, int min, int max, String where) {
        String text = string(key, false, where);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                problem(valueNode(key), "'" + key + "' in " + where + " must be between " + min + " and " + max + ", not " + value);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(valueNode(key), "'" + key + "' in " + where + " must be a whole number, not '" + text + "'");
            return fallback;
        }
    }

    boolean bool(String key, boolean fallback, String where) {
        String text = string(key, false, where);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problem(valueNode(key), "'" + key + "' in " + where + " must be true or false, not '" + text + "'");
                yield fallback;
            }
        };
    }

    Duration duration(String key, Duration fallback, String where) {
        String text = string(key, false, where);
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            problem(valueNode(key), "'" + key + "' in " + where + " must be a duration such as 6s, 120s or 2m, not '" + text + "'");
            return fallback;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    YamlMap map(String key, boolean required, String where) {
        Node value = valueNode(key);
        if (value == null) {
            if (required) {
                problem(node, where + " needs '" + key + "'");
            }
            return null;
        }
        if (!(value instanceof MappingNode)) {
            problem(value, "'" + key + "' in " + where + " must be a mapping (key: value lines)");
            return null;
        }
        return new YamlMap(file, value, problems);
    }

    /** The items of a list; a single scalar counts as a one-item list. */
    List<Node> list(String key, boolean required, String where) {
        Node value = valueNode(key);
        if (value == null) {
            if (required) {
                problem(node, where + " needs '" + key + "'");
            }
            return List.of();
        }
        if (value instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (value instanceof ScalarNode) {
            return List.of(value);
        }
        problem(value, "'" + key + "' in " + where + " must be a list");
        return List.of();
    }

    List<String> strings(String key, String where) {
        List<String> out = new ArrayList<>();
        for (Node item : list(key, false, where)) {
            if (item instanceof ScalarNode scalar) {
                out.add(scalar.getValue());
            } else {
                problem(item, "items of '" + key + "' in " + where + " must be single values");
            }
        }
        return out;
    }

    void problem(Node at, String message) {
        Node where = at == null ? node : at;
        problems.add(FlowProblem.error(file, where.getStartMark().getLine() + 1, where.getStartMark().getColumn() + 1, message));
    }
}
