package org.hotline.gateway.flow;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code prompts/<lang>.yaml}: each prompt id maps to its text, or to {@code {text, audio}}
 * when a recorded audio file exists for it.
 */
final class PromptLoader {

    private PromptLoader() {}

    static Map<String, Prompts.Prompt> load(Path path, String displayName, List<FlowProblem> problems) {
        Map<String, Prompts.Prompt> prompts = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            var root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                return prompts;
            }
            if (!YamlMap.isMap(root)) {
                problems.add(FlowProblem.error(displayName, 1, 1, "a prompt file must map prompt ids to texts"));
                return prompts;
            }
            YamlMap map = new YamlMap(displayName, root, problems);
            for (String id : map.keys()) {
                var value = map.valueNode(id);
                int line = value.getStartMark().getLine() + 1;
                if (value instanceof ScalarNode scalar) {
                    prompts.put(id, new Prompts.Prompt(scalar.getValue().strip(), null, displayName, line));
                } else if (YamlMap.isMap(value)) {
                    YamlMap entry = new YamlMap(displayName, value, problems);
                    entry.onlyKeys(Set.of("text", "audio"), "prompt '" + id + "'");
                    String text = entry.string("text", true, "prompt '" + id + "'");
                    if (text != null) {
                        prompts.put(id, new Prompts.Prompt(text.strip(), entry.string("audio", false, "prompt '" + id + "'"), displayName, line));
                    }
                } else {
                    map.problem(value, "prompt '" + id + "' must be a text or { text: ..., audio: ... }");
                }
                if (prompts.containsKey(id) && prompts.get(id).text().isBlank()) {
                    map.problem(value, "prompt '" + id + "' is empty");
                }
            }
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(FlowProblem.error(displayName, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "not valid YAML: " + e.getProblem()));
        } catch (IOException e) {
            problems.add(FlowProblem.error(displayName, 1, 1, "cannot read: " + e.getMessage()));
        }
        return prompts;
    }
}
