package org.hotline.gateway.cli;

import java.util.stream.Collectors;
import org.hotline.gateway.flow.Referral;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.caseconnector.privacy.Masking;

/** One line per step: the kind in capitals, then key=value fields, e.g. {@code ROUTE team=avrr priority=normal}. */
final class StepPrinter {

    private final PromptRenderer renderer;

    StepPrinter(PromptRenderer renderer) {
        this.renderer = renderer;
    }

    String line(Step step) {
        return switch (step) {
            case Step.Say say -> "SAY prompt=" + say.prompt() + " lang=" + say.language()
                    + " text=" + quote(renderer.text(say.language(), say.prompt(), say.team()));
            case Step.Ask ask -> "ASK node=" + ask.node() + " kind=" + ask.kind().name().toLowerCase() + " prompt=" + ask.prompt()
                    + " lang=" + ask.language() + " timeout=" + ask.timeout().toSeconds() + "s"
                    + (ask.options().isEmpty() ? " max-digits=" + ask.maxDigits() : " options=" + quote(ask.options().stream()
                            .map(o -> o.key() + "=" + renderer.text(o.labelLanguage(), o.label(), null))
                            .collect(Collectors.joining(" | "))))
                    + (ask.officerKey() ? " officer-key=yes" : "")
                    + " text=" + quote(renderer.text(ask.language(), ask.prompt(), null));
            case Step.Route route -> "ROUTE team=" + route.team() + " priority=" + route.priority().name().toLowerCase()
                    + " lang=" + route.language() + " topic=" + route.topic();
            case Step.Record record -> "RECORD max=" + record.max().toSeconds() + "s";
            case Step.Refer refer -> referLine(refer.referral());
            case Step.Transfer transfer -> "TRANSFER number=" + Masking.phone(transfer.number());
            case Step.End end -> "END reason=" + end.reason();
        };
    }

    private static String referLine(Referral r) {
        return "REFER type=" + r.kind().wireName() + " id=" + r.id() + " urgency=" + r.urgency().name().toLowerCase()
                + " team=" + r.team() + " topic=" + r.topic() + " lang=" + r.language()
                + " safe_to_call=" + r.safeToCall()
                + (r.callbackNumber() == null ? "" : " callback=" + ("caller".equals(r.callbackNumber()) ? "caller" : Masking.phone(r.callbackNumber())))
                + (r.recordingRef() == null ? "" : " recording=" + r.recordingRef());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
