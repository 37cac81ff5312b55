package org.hotline.gateway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.gateway.config.ConfigModule;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.flow.FlowProblem;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.languages.WrittenLanguages;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.phone.PhoneNumbers;
import org.hotline.gateway.scripts.FlowTrial;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.scripts.ScriptsConfiguration;
import org.hotline.gateway.scripts.ScriptsSettings;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code flow validate [DIR]} and {@code flow simulate FLOW --at ISO_DATE_TIME [--channel voice|chat]
 * [--caller NUMBER] [--returning LANG]}: the script author's tools, run from the service jar without
 * starting the service.
 */
public final class FlowCommand {

    private static final String USAGE = """
            usage: flow validate [DIR]
                   flow simulate FLOW --at ISO_DATE_TIME [--channel voice|chat] [--caller NUMBER|anonymous] [--returning LANG]
              FLOW is a flow id (e.g. hotline) or a flow file; --at is Sofia time (2026-12-25T03:00) or has an offset.
              simulate reads one input per line: digits or text; an empty line is silence; after ROUTE: answered,
              nobody or timeout; after RECORD: recorded or silent; end of input is a hangup.""";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ScriptsSettings.class)
    @Import(ConfigModule.class)
    static class CliContext {}

    static ConfigurableApplicationContext cliContext() {
        return new SpringApplicationBuilder(CliContext.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=WARN", "logging.level.org.springframework.boot.diagnostics=ERROR")
                .run();
    }

    private FlowCommand() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 2 || !Set.of("validate", "simulate").contains(args[1])) {
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = cliContext()) {
            HotlineDirectory directory = context.getBean(HotlineDirectory.class);
            Path scripts = context.getBean(ScriptsSettings.class).dir();
            return args[1].equals("validate")
                    ? validate(args.length > 2 ? Path.of(args[2]) : scripts, directory, out)
                    : simulate(args, scripts, directory, in, out, err);
        } catch (RuntimeException e) {
            err.println("cannot start: " + rootMessage(e));
            return 2;
        }
    }

    private static int validate(Path dir, HotlineDirectory directory, PrintStream out) {
        FlowLibrary library = FlowLibrary.load(dir, ScriptsConfiguration.environmentOf(directory));
        List<FlowProblem> problems = new ArrayList<>(library.problems());
        problems.sort(Comparator.comparing(FlowProblem::file).thenComparingInt(FlowProblem::line).thenComparingInt(FlowProblem::column));
        problems.forEach(out::println);
        long errors = problems.stream().filter(FlowProblem::isError).count();
        out.println(errors == 0
                ? "OK: " + library.flows().size() + " flow(s) " + library.flows().keySet() + ", prompts in "
                        + library.prompts().languages().size() + " languages" + (problems.isEmpty() ? "" : ", " + problems.size() + " warning(s)")
                : errors + " error(s), " + (problems.size() - errors) + " warning(s)");
        return errors == 0 ? 0 : 1;
    }

    private static int simulate(String[] args, Path scripts, HotlineDirectory directory, InputStream in, PrintStream out,
                                PrintStream err) {
        if (args.length < 3) {
            err.println(USAGE);
            return 2;
        }
        String flowArg = args[2];
        String at = option(args, "--at");
        String channelName = option(args, "--channel");
        String caller = option(args, "--caller");
        String returning = option(args, "--returning");
        if (at == null) {
            err.println("--at is required, e.g. --at 2026-12-25T03:00\n" + USAGE);
            return 2;
        }
        Channel channel = channelName == null ? Channel.VOICE : Channel.valueOf(channelName.toUpperCase());
        Path flowDir = flowArg.endsWith(".yaml") ? Path.of(flowArg).toAbsolutePath().getParent() : scripts;
        FlowLibrary library = FlowLibrary.load(flowDir, ScriptsConfiguration.environmentOf(directory));
        if (library.hasErrors()) {
            library.errors().forEach(err::println);
            err.println("the flows have errors: fix them first (flow validate)");
            return 1;
        }
        Flow flow = flowArg.endsWith(".yaml")
                ? library.flows().values().stream().filter(f -> f.file().endsWith("/" + Path.of(flowArg).getFileName())).findFirst().orElse(null)
                : library.flow(flowArg).orElse(null);
        if (flow == null) {
            err.println("no flow '" + flowArg + "'; flows are " + library.flows().keySet());
            return 2;
        }
        Instant instant;
        try {
            instant = parseInstant(at, directory);
        } catch (DateTimeParseException e) {
            err.println("--at must be like 2026-12-25T03:00 (Sofia time) or 2026-12-25T03:00+02:00, not " + at);
            return 2;
        }
        boolean callerKnown = caller == null || PhoneNumbers.normalize(caller, directory.config().holidays().country()).isPresent();
        Facts facts = FlowTrial.facts(directory, channel, instant, callerKnown, returning);

        StepPrinter printer = new StepPrinter(new PromptRenderer(library.prompts(), directory));
        FlowEngine.Result result = FlowEngine.start(flow, "SIM-" + Math.abs(at.hashCode()), facts);
        print(result, printer, out);
        WrittenLanguages written = new WrittenLanguages(directory.languageCodes());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            while (!result.state().ended()) {
                String line = reader.readLine();
                FlowState now = result.state();
                Input input = line == null ? new Input.Hangup()
                        : FlowTrial.input(line, FlowTrial.waiting(result.steps(), false), channel, text -> written.read(flow, now, text));
                if (input == null) {
                    err.println("after " + lastWaiting(result.steps()) + " give " + expected(result.steps()));
                    continue;
                }
                result = FlowEngine.advance(flow, result.state(), input);
                print(result, printer, out);
            }
        } catch (IOException e) {
            err.println("cannot read input: " + e.getMessage());
            return 2;
        }
        FlowState end = result.state();
        out.println("# path: " + String.join(" > ", end.path()));
        return 0;
    }

    private static void print(FlowEngine.Result result, StepPrinter printer, PrintStream out) {
        result.steps().forEach(step -> out.println(printer.line(step)));
    }

    private static String lastWaiting(List<Step> steps) {
        return FlowTrial.waiting(steps, false) == FlowTrial.Waiting.ANSWER ? "ASK" : FlowTrial.waiting(steps, false).name();
    }

    private static String expected(List<Step> steps) {
        return switch (FlowTrial.waiting(steps, false)) {
            case ROUTE -> "answered, nobody or timeout";
            case RECORD -> "recorded or silent";
            default -> "digits or text";
        };
    }

    private static Instant parseInstant(String at, HotlineDirectory directory) {
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(at).atZone(zoneOf(directory)).toInstant();
        }
    }

    private static ZoneId zoneOf(HotlineDirectory directory) {
        return directory.scheduleOf(directory.teams().getFirst().id()).timeZone();
    }

    static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
