package org.hotline.gateway.flow;

import java.util.stream.Collectors;

/** Steps written compactly for scenario files: "ASK topic en 1,2,3,4", "ROUTE avrr normal ar return". */
final class StepText {

    private StepText() {}

    static String of(Step step) {
        return switch (step) {
            case Step.Say say -> "SAY " + say.prompt() + (say.team() == null ? "" : " " + say.team());
            case Step.Ask ask -> "ASK " + ask.node() + " " + ask.language()
                    + (ask.options().isEmpty() ? " digits" : " " + ask.options().stream().map(Step.Option::key).collect(Collectors.joining(",")));
            case Step.Route route -> "ROUTE " + route.team() + " " + route.priority().name().toLowerCase() + " " + route.language() + " " + route.topic();
            case Step.Record record -> "RECORD " + record.max().toSeconds() + "s";
            case Step.Refer refer -> {
                Referral r = refer.referral();
                yield "REFER " + r.kind().wireName() + " " + r.urgency().name().toLowerCase() + " " + r.team() + " " + r.topic()
                        + " safe=" + r.safeToCall() + " callback=" + (r.callbackNumber() == null ? "-" : r.callbackNumber())
                        + " recording=" + (r.recordingRef() == null ? "-" : r.recordingRef());
            }
            case Step.Transfer transfer -> "TRANSFER " + transfer.number();
            case Step.End end -> "END " + end.reason();
        };
    }
}
