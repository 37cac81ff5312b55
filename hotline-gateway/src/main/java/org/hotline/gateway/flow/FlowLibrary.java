package org.hotline.gateway.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hotline.gateway.flow.FlowLoader.ParsedFlow;

/**
 * Every flow of a scripts directory ({@code *.yaml}) with the prompts of every language
 * ({@code prompts/<lang>.yaml}), read, checked and bound to the deployment. Problems are collected,
 * never thrown: the service refuses to start on errors, and {@code flow validate} prints them all.
 */
public record FlowLibrary(Map<String, Flow> flows, Prompts prompts, List<FlowProblem> problems) {

    /** Prompts the engine and the channel renderers use themselves: every language must have them. */
    public static final Set<String> SYSTEM_PROMPTS = Set.of(
            "invalid_choice", "no_input", "yes", "no", "yes_words", "no_words", "yes_no_keys",
            "language_name", "language_choice", "continue_in_language", "other_languages", "more_languages",
            "press_key", "officer_key", "talk_to_person", "repeat_key", "reply_with_number", "end_with_hash",
            "technical_error", "queue_position", "queue_estimate", "officer_whisper", "officer_whisper_urgent", "caller_gone",
            "interpreter_request");

    public FlowLibrary {
        flows = Map.copyOf(flows);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(FlowProblem::isError);
    }

    public List<FlowProblem> errors() {
        return problems.stream().filter(FlowProblem::isError).toList();
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    public static FlowLibrary load(Path dir, FlowEnvironment environment) {
        List<FlowProblem> problems = new ArrayList<>();
        String base = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
                : dir.toAbsolutePath().normalize().getFileName().toString();
        if (!Files.isDirectory(dir)) {
            problems.add(FlowProblem.error(dir.toString(), 1, 1, "no such scripts directory (set HOTLINE_SCRIPTS_DIR)"));
            return new FlowLibrary(Map.of(), new Prompts(Map.of()), problems);
        }
        Prompts prompts = loadPrompts(dir, base, environment, problems);
        Map<String, Flow> flows = new LinkedHashMap<>();
        Map<String, String> flowFiles = new HashMap<>();
        for (Path file : yamlFiles(dir)) {
            String display = base + "/" + file.getFileName();
            int before = problems.size();
            ParsedFlow parsed = FlowLoader.load(file, display, problems);
            if (parsed == null) {
                continue;
            }
            problems.addAll(FlowValidator.validate(parsed, environment, prompts));
            if (parsed.id() != null) {
                String other = flowFiles.putIfAbsent(parsed.id(), display);
                if (other != null) {
                    problems.add(FlowProblem.error(display, parsed.line(), 1, "flow '" + parsed.id() + "' is also defined in " + other));
                }
            }
            boolean clean = problems.subList(before, problems.size()).stream().noneMatch(FlowProblem::isError);
            if (clean && parsed.id() != null) {
                flows.putIfAbsent(parsed.id(), bind(parsed, environment, prompts));
            }
        }
        if (flows.isEmpty() && problems.stream().noneMatch(FlowProblem::isError)) {
            problems.add(FlowProblem.error(base, 1, 1, "no flow in " + dir + " (one YAML file per flow)"));
        }
        return new FlowLibrary(flows, prompts, problems);
    }

    private static Prompts loadPrompts(Path dir, String base, FlowEnvironment environment, List<FlowProblem> problems) {
        Path promptDir = dir.resolve("prompts");
        Map<String, Map<String, Prompts.Prompt>> byLanguage = new HashMap<>();
        Set<String> declared = new TreeSet<>();
        for (Flow.LanguageOption language : environment.languages()) {
            declared.add(language.code());
            Path file = promptDir.resolve(language.code() + ".yaml");
            String display = base + "/prompts/" + language.code() + ".yaml";
            if (!Files.isRegularFile(file)) {
                problems.add(FlowProblem.error(display, 1, 1, "no prompts for language '" + language.code() + "' (" + language.englishName() + ")"));
                continue;
            }
            Map<String, Prompts.Prompt> prompts = PromptLoader.load(file, display, problems);
            byLanguage.put(language.code(), prompts);
            for (String id : new TreeSet<>(SYSTEM_PROMPTS)) {
                if (!prompts.containsKey(id)) {
                    problems.add(FlowProblem.error(display, 1, 1, "prompt '" + id + "' is missing: the channels need it in every language"));
                }
            }
        }
        if (Files.isDirectory(promptDir)) {
            for (Path file : yamlFiles(promptDir)) {
                String code = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                if (!declared.contains(code)) {
                    problems.add(FlowProblem.warning(base + "/prompts/" + file.getFileName(), 1, 1,
                            "language '" + code + "' is not in hotline.languages: these prompts are not used"));
                }
            }
        }
        return new Prompts(byLanguage);
    }

    private static Flow bind(ParsedFlow parsed, FlowEnvironment environment, Prompts prompts) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        parsed.nodes().forEach((id, node) -> nodes.put(id, node instanceof Node.Transfer t && t.overflowOf() != null
                ? new Node.Transfer(t.id(), t.line(), environment.teamOverflowNumbers().get(t.overflowOf()).getFirst(), t.overflowOf())
                : node));
        String defaultLanguage = parsed.defaultLanguage() != null ? parsed.defaultLanguage() : environment.languages().getFirst().code();
        String region = parsed.phoneRegion() != null ? parsed.phoneRegion() : environment.phoneRegion();
        return new Flow(parsed.id(), parsed.file(), parsed.start(), defaultLanguage, region, parsed.repeatKey(), parsed.officerKey(),
                parsed.officerTarget(), nodes, environment.languages(), prompts);
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
