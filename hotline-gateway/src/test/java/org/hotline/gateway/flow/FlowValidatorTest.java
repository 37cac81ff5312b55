package org.hotline.gateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken flow per kind of mistake; each fixture says on its first line where the problem is
 * and what the validator must say ({@code # expect: LINE:COLUMN message}).
 */
class FlowValidatorTest {

    static final Path BROKEN = TestConfig.repositoryRoot().resolve("hotline-gateway/src/test/resources/flows/broken");
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+) (.+)");

    static final FlowEnvironment ENVIRONMENT = new FlowEnvironment(
            List.of(new Flow.LanguageOption("en", "English", "English"), new Flow.LanguageOption("bg", "Български", "Bulgarian")),
            Map.of("alpha", List.of("+35929394777"), "beta", List.of()), "BG");

    @TempDir
    Path dir;

    static Stream<String> brokenFlows() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("ok.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFlows")
    void shouldReportTheMistakeAtItsFileLineAndColumn(String name) throws IOException {
        Matcher expect = EXPECT.matcher(Files.readAllLines(BROKEN.resolve(name)).getFirst());
        assertThat(expect.matches()).as("first line of %s says what to expect", name).isTrue();

        FlowLibrary library = FlowLibrary.load(scriptsWith(name), ENVIRONMENT);

        assertThat(library.errors())
                .as("problems of %s", name)
                .anySatisfy(p -> {
                    assertThat(p.file()).endsWith("/" + name);
                    assertThat(p.line()).isEqualTo(Integer.parseInt(expect.group(1)));
                    assertThat(p.column()).isEqualTo(Integer.parseInt(expect.group(2)));
                    assertThat(p.message()).contains(expect.group(3));
                });
        assertThat(library.flows()).as("a flow with errors is not usable").isEmpty();
    }

    @Test
    void shouldFindNothingWrongWithTheCorrectFixture() throws IOException {
        FlowLibrary library = FlowLibrary.load(scriptsWith("ok.yaml"), ENVIRONMENT);
        assertThat(library.problems()).isEmpty();
        assertThat(library.flow("ok")).isPresent();
    }

    @Test
    void shouldReportAllProblemsOfAFileAtOnce() throws IOException {
        Path scripts = scriptsWith("ok.yaml");
        Files.writeString(scripts.resolve("ok.yaml"), Files.readString(scripts.resolve("ok.yaml"))
                .replace("team: alpha", "team: gamma").replace("next: route_alpha }", "next: nowhere }"));
        assertThat(FlowLibrary.load(scripts, ENVIRONMENT).errors()).extracting(FlowProblem::message)
                .anyMatch(m -> m.contains("undeclared team 'gamma'"))
                .anyMatch(m -> m.contains("missing node 'nowhere'"));
    }

    @Test
    void shouldRequireEveryPromptTheChannelsUseInEveryLanguage() throws IOException {
        Path scripts = scriptsWith("ok.yaml");
        Path bg = scripts.resolve("prompts/bg.yaml");
        Files.writeString(bg, Files.readString(bg).replaceAll("(?m)^technical_error:.*\\n", ""));
        assertThat(FlowLibrary.load(scripts, ENVIRONMENT).errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("prompts/bg.yaml");
            assertThat(p.message()).contains("'technical_error' is missing");
        });
    }

    @Test
    void shouldRefuseAPromptWithAnUnknownPlaceholder() throws IOException {
        Path scripts = scriptsWith("ok.yaml");
        Path en = scripts.resolve("prompts/en.yaml");
        Files.writeString(en, Files.readString(en).replace("hello: \"Hello.\"", "hello: \"Hello {name}.\""));
        assertThat(FlowLibrary.load(scripts, ENVIRONMENT).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown placeholder {name}"));
    }

    @Test
    void shouldSayWhenALanguageHasNoPromptFile() throws IOException {
        Path scripts = scriptsWith("ok.yaml");
        Files.delete(scripts.resolve("prompts/bg.yaml"));
        assertThat(FlowLibrary.load(scripts, ENVIRONMENT).errors()).extracting(FlowProblem::message)
                .anyMatch(m -> m.contains("no prompts for language 'bg' (Bulgarian)"));
    }

    private Path scriptsWith(String flowFile) throws IOException {
        Path scripts = dir.resolve("ivr-scripts");
        Files.createDirectories(scripts.resolve("prompts"));
        for (String language : List.of("en", "bg")) {
            Files.copy(BROKEN.resolve("prompts/" + language + ".yaml"), scripts.resolve("prompts/" + language + ".yaml"));
        }
        Files.copy(BROKEN.resolve(flowFile), scripts.resolve(flowFile));
        return scripts;
    }
}
