package org.hotline.gateway.scripts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Step;

/**
 * Trying a flow without a phone, for script authors (the {@code flow simulate} command and the
 * console's test line): the facts of a chosen moment, what a typed answer means at the step the flow
 * waits at, and each step as the caller would meet it (its text in the language, the audio file it
 * would play). The flow engine runs it; nothing is routed, referred or logged.
 */
public final class FlowTrial {

    /** What the flow waits for after these steps. */
    public enum Waiting { ANSWER, ROUTE, RECORD, NOTHING }

    /** One step for the author: {@code kind} (say, ask, route, record, refer, transfer, end), its text and the audio it would play. */
    public record Line(String kind, String prompt, String language, String text, String audio, String detail) {}

    private FlowTrial() {}

    /** The facts a flow starts from at {@code at}: which teams are open, whether it is a holiday. */
    public static Facts facts(HotlineDirectory directory, Channel channel, Instant at, boolean callerKnown, String returningLanguage) {
        Set<String> open = directory.teams().stream().map(HotlineConfig.Team::id)
                .filter(team -> directory.isOpen(team, at)).collect(Collectors.toSet());
        ZoneId zone = directory.zone();
        return new Facts(channel, callerKnown, returningLanguage, open, directory.isClosedDay(at.atZone(zone).toLocalDate()));
    }

    public static Waiting waiting(List<Step> steps, boolean ended) {
        if (ended) {
            return Waiting.NOTHING;
        }
        if (steps.isEmpty()) {
            return Waiting.ANSWER;
        }
        return switch (steps.getLast()) {
            case Step.Route r -> Waiting.ROUTE;
            case Step.Record r -> Waiting.RECORD;
            default -> Waiting.ANSWER;
        };
    }

    /**
     * What {@code value} means where the flow waits: keys (voice) or text (chat), empty for silence;
     * {@code answered}, {@code nobody} or {@code timeout} at a route; {@code recorded} or {@code silent}
     * at a recording. Null when it means nothing there. {@code text} reads words typed in chat as a
     * person's are read ({@code WrittenLanguages.read}: the language they are written in, at the menu).
     */
    public static Input input(String value, Waiting waiting, Channel channel, java.util.function.Function<String, Input.Text> text) {
        String typed = value == null ? "" : value.strip();
        return switch (waiting) {
            case ROUTE -> switch (typed) {
                case "answered" -> new Input.RouteResult(Input.RouteOutcome.ANSWERED);
                case "nobody" -> new Input.RouteResult(Input.RouteOutcome.NOBODY);
                case "timeout" -> new Input.RouteResult(Input.RouteOutcome.TIMEOUT);
                default -> null;
            };
            case RECORD -> switch (typed) {
                case "recorded" -> new Input.RecordingResult(true, "RE-SIMULATED");
                case "silent" -> new Input.RecordingResult(false, null);
                default -> null;
            };
            case NOTHING -> null;
            case ANSWER -> typed.isEmpty() ? new Input.Silence() : channel == Channel.VOICE ? new Input.Digits(typed) : text.apply(typed);
        };
    }

    /** A step as the author sees it. */
    public static Line line(Step step, PromptRenderer renderer) {
        return switch (step) {
            case Step.Say say -> spoken("say", say.prompt(), say.language(), renderer.text(say.language(), say.prompt(), say.team()), "");
            case Step.Ask ask -> spoken("ask", ask.prompt(), ask.language(), renderer.text(ask.language(), ask.prompt(), null),
                    ask.options().stream().map(o -> o.key() + " = " + renderer.text(o.labelLanguage(), o.label(), null))
                            .collect(Collectors.joining(" | ")));
            case Step.Route route -> new Line("route", null, route.language(), null, null,
                    "team " + route.team() + ", " + route.priority().name().toLowerCase() + ", topic " + route.topic());
            case Step.Record record -> new Line("record", null, null, null, null, "at most " + record.max().toSeconds() + " s");
            case Step.Refer refer -> new Line("refer", null, refer.referral().language(), null, null,
                    refer.referral().kind().wireName() + " to " + refer.referral().team());
            case Step.Transfer transfer -> new Line("transfer", null, null, null, null,
                    org.hotline.caseconnector.privacy.Masking.phone(transfer.number()));
            case Step.End end -> new Line("end", null, null, null, null, end.reason());
        };
    }

    private static Line spoken(String kind, String prompt, String language, String text, String detail) {
        return new Line(kind, prompt, language, text, "audio/" + language + "/" + AudioNames.of(language, text) + ".wav", detail);
    }
}
