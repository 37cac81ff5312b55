package org.hotline.gateway.console;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.languages.WrittenLanguages;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.FlowLibrary;
import org.hotline.gateway.flow.FlowProblem;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.scripts.FlowTrial;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.scripts.ScriptsConfiguration;
import org.hotline.gateway.scripts.ScriptsSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The script authors' test line ({@code /console/test-line}): a flow as it is on disk now, at a chosen
 * moment, on voice or chat, answered like a caller would, with every step's text in the language and
 * the audio it would play, and the path. Only the flow engine runs: nothing is routed, referred or
 * logged. The trial lives in the author's session. Problems in the flows are shown with file, line
 * and column, and no trial starts until they are fixed.
 */
@Controller
class ConsoleTestLineController {

    private static final String TRIAL = "testLineTrial";

    private final ScriptsSettings scripts;
    private final HotlineDirectory directory;
    private final WrittenLanguages written;
    private final Clock clock;

    ConsoleTestLineController(ScriptsSettings scripts, HotlineDirectory directory, WrittenLanguages written, Clock clock) {
        this.written = written;
        this.scripts = scripts;
        this.directory = directory;
        this.clock = clock;
    }

    /** One turn of the conversation: what the "caller" gave (null at the start), then what the flow did. */
    record Turn(String given, List<FlowTrial.Line> lines) {}

    /** A trial in progress: the flow as loaded when it started, its state, and what was said so far. */
    record Trial(String flowId, Flow flow, PromptRenderer renderer, Channel channel, String at, FlowState state, List<Step> lastSteps,
                 List<Turn> turns) {

        public FlowTrial.Waiting waiting() {
            return FlowTrial.waiting(lastSteps, state.ended());
        }
    }

    @GetMapping("/console/test-line")
    String page(Model model, HttpSession session) {
        FlowLibrary library = load();
        ZoneId zone = directory.zone();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
        LocalDate christmas = LocalDate.of(now.getYear(), 12, 25);
        model.addAttribute("flows", library.flows().keySet().stream().sorted().toList());
        model.addAttribute("problems", library.problems().stream().map(FlowProblem::toString).toList());
        model.addAttribute("blocked", library.hasErrors());
        model.addAttribute("now", now.toString());
        model.addAttribute("christmas", (christmas.isBefore(now.toLocalDate()) ? christmas.plusYears(1) : christmas).atTime(3, 0).toString());
        model.addAttribute("trial", session.getAttribute(TRIAL));
        return "console/test-line";
    }

    /** {@code preset}: a moment one button gives (Christmas, 03:00), instead of the one typed in {@code at}. */
    @PostMapping("/console/test-line/start")
    String start(@RequestParam String flow, @RequestParam(defaultValue = "voice") String channel, @RequestParam(defaultValue = "") String at,
                 @RequestParam(required = false) String preset, HttpSession session,
                 org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (preset != null && !preset.isBlank()) {
            at = preset;
        }
        FlowLibrary library = load();
        if (library.hasErrors()) {
            return "redirect:/console/test-line";
        }
        Flow chosen = library.flow(flow).orElse(null);
        Instant moment;
        try {
            moment = LocalDateTime.parse(at.strip()).atZone(directory.zone()).toInstant();
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("refused", "testline.at.invalid");
            return "redirect:/console/test-line";
        }
        if (chosen == null || !(channel.equals("voice") || channel.equals("chat"))) {
            redirect.addFlashAttribute("refused", "testline.choice.invalid");
            return "redirect:/console/test-line";
        }
        Channel kind = channel.equals("voice") ? Channel.VOICE : Channel.CHAT;
        PromptRenderer renderer = new PromptRenderer(library.prompts(), directory);
        FlowEngine.Result result = FlowEngine.start(chosen, "TEST-LINE", FlowTrial.facts(directory, kind, moment, true, null));
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn(null, result.steps().stream().map(s -> FlowTrial.line(s, renderer)).toList()));
        session.setAttribute(TRIAL, new Trial(flow, chosen, renderer, kind, at.strip(), result.state(), result.steps(), turns));
        return "redirect:/console/test-line";
    }

    /** {@code value}: keys or text (empty: silence), or answered / nobody / timeout, recorded / silent, as the flow waits for. */
    @PostMapping("/console/test-line/answer")
    String answer(@RequestParam(defaultValue = "") String value, HttpSession session,
                  org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (!(session.getAttribute(TRIAL) instanceof Trial trial)) {
            return "redirect:/console/test-line";
        }
        Input input = FlowTrial.input(value, trial.waiting(), trial.channel(), text -> written.read(trial.flow(), trial.state(), text));
        if (input == null) {
            redirect.addFlashAttribute("refused", "testline.answer.invalid");
            return "redirect:/console/test-line";
        }
        FlowEngine.Result result = FlowEngine.advance(trial.flow(), trial.state(), input);
        List<Turn> turns = new ArrayList<>(trial.turns());
        turns.add(new Turn(value.isBlank() ? "…" : value.strip(), result.steps().stream().map(s -> FlowTrial.line(s, trial.renderer())).toList()));
        session.setAttribute(TRIAL, new Trial(trial.flowId(), trial.flow(), trial.renderer(), trial.channel(), trial.at(), result.state(),
                result.steps(), turns));
        return "redirect:/console/test-line";
    }

    /** The flows as they are on disk now: an author's change is tried without a restart. */
    private FlowLibrary load() {
        return FlowLibrary.load(scripts.dir(), ScriptsConfiguration.environmentOf(directory));
    }
}
