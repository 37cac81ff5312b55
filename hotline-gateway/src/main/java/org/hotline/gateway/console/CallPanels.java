package org.hotline.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.callscreen.CallContext;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.interpreter.InterpreterCall;
import org.hotline.gateway.interpreter.InterpreterCalls;
import org.hotline.gateway.chat.InboxViewer;
import org.springframework.stereotype.Component;

/** The call screen as the console shows it to the officer at the console: the call offered to them or on their line. */
@Component
class CallPanels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.MM.yyyy");

    private final CallScreens screens;
    private final ConsoleUsers users;
    private final InterpreterCalls interpreters;
    private final HotlineDirectory directory;
    private final Clock clock;

    CallPanels(CallScreens screens, ConsoleUsers users, InterpreterCalls interpreters, HotlineDirectory directory, Clock clock) {
        this.screens = screens;
        this.users = users;
        this.interpreters = interpreters;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @param stage          offered, on-call or wrap-up
     * @param waitedSeconds  in the queue before it was offered (or so far, while it rings)
     * @param wrapUpSeconds  wrap-up left, counted down on the page
     * @param known          whether the gateway saw the call queued (else only its stage is known)
     * @param officerSpeaks  the officer speaks the caller's language (else the interpreter rule gave them the call)
     * @param interpreterLine     the call's line can add an interpreter
     * @param interpreterStage    the interpreter's stage (calling, joined, none-available, left), or null when none was asked for
     * @param mayAskInterpreter   nobody rings or is on the call: asking (again) calls the next one
     */
    record CallPanel(String callId, String stage, boolean known, String channel, String team, String language, String topic,
                     boolean urgent, List<String> path, long waitedSeconds, String safeToCall, int earlierContacts, String lastOutcome,
                     String lastContactDay, String notes, long wrapUpSeconds, boolean recorded, boolean officerSpeaks,
                     boolean interpreterLine, String interpreterStage, String interpreterName, String interpreterLanguage,
                     boolean mayAskInterpreter) {}

    Optional<CallPanel> of(InboxViewer viewer) {
        String officer = viewer.user().officerId();
        if (officer == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return screens.of(officer).map(view -> {
            var screen = view.screen();
            CallContext c = view.context().orElse(null);
            Instant waitEnd = screen.stage() == CallScreens.Stage.OFFERED ? now : screen.since();
            long waited = c == null || c.queuedAt() == null ? 0 : Math.max(0, Duration.between(c.queuedAt(), waitEnd).toSeconds());
            long wrapUp = screen.wrapUpUntil() == null ? 0 : Math.max(0, Duration.between(now, screen.wrapUpUntil()).toSeconds());
            boolean speaks = c == null || directory.speaks(officer, c.language());
            boolean onCall = screen.stage() == CallScreens.Stage.ON_CALL;
            boolean line = onCall && interpreters.lineOf(screen.callId()).isPresent();
            InterpreterCall interpreter = onCall ? interpreters.of(screen.callId()).orElse(null) : null;
            String shownInterpreter = interpreter == null ? null : interpreter.shown();
            boolean mayAsk = interpreter == null || interpreter.stage() == InterpreterCall.Stage.NONE_AVAILABLE
                    || interpreter.stage() == InterpreterCall.Stage.LEFT;
            return new CallPanel(screen.callId(), screen.stage().wireName(), c != null, c == null ? null : c.channel().wireName(),
                    c == null ? null : c.team(), c == null ? null : c.language(), c == null ? null : c.topic(), c != null && c.urgent(),
                    c == null ? List.of() : c.path(), waited, c == null ? null : c.safeToCall(), c == null ? 0 : c.earlierContacts(),
                    c == null ? null : c.lastOutcome(),
                    c == null || c.lastContactAt() == null ? null : DAY.format(c.lastContactAt().atZone(users.zone())),
                    screen.notes(), wrapUp, screen.recorded(), speaks, line,
                    interpreter == null ? null : interpreter.stage().wireName(),
                    shownInterpreter == null ? "" : interpreters.displayName(shownInterpreter),
                    interpreter == null ? null : interpreter.language(), mayAsk);
        });
    }
}
