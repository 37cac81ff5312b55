package org.hotline.gateway.interpreter;

import java.util.Optional;
import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.callscreen.CallContext;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.config.HotlineDirectory;

/**
 * An officer's "add an interpreter" (API and console alike): only for the call on their own line,
 * in the caller's language unless they name another the hotline declares; audited, whatever came of it.
 */
public class InterpreterRequests {

    public sealed interface Outcome {
        record Asked(InterpreterCalls.Requested result, String language) implements Outcome {}

        /** Not the officer's call now. */
        record NotOnYourLine() implements Outcome {}

        record UnknownLanguage(String language) implements Outcome {}

        /** The line the call is on cannot add anyone (or the call is gone). */
        record NoLine() implements Outcome {}
    }

    private final InterpreterCalls calls;
    private final CallScreens screens;
    private final HotlineDirectory directory;
    private final AuditTrail audit;

    public InterpreterRequests(InterpreterCalls calls, CallScreens screens, HotlineDirectory directory, AuditTrail audit) {
        this.calls = calls;
        this.screens = screens;
        this.directory = directory;
        this.audit = audit;
    }

    public Outcome ask(String username, String officerId, String callId, String requestedLanguage) {
        var screen = screens.of(officerId)
                .filter(v -> v.screen().callId().equals(callId) && v.screen().stage() == CallScreens.Stage.ON_CALL);
        if (screen.isEmpty()) {
            return new Outcome.NotOnYourLine();
        }
        CallContext context = screen.get().context().orElse(null);
        String language = requestedLanguage != null && !requestedLanguage.isBlank() ? requestedLanguage
                : context == null ? null : context.language();
        if (language == null || directory.language(language).isEmpty()) {
            return new Outcome.UnknownLanguage(String.valueOf(language));
        }
        Optional<InterpreterLine> line = calls.lineOf(callId);
        if (line.isEmpty()) {
            return new Outcome.NoLine();
        }
        InterpreterCalls.Requested result = calls.request(callId, line.get(), language, officerId, context == null ? null : context.team());
        audit.record(username, "call.interpreter", callId, switch (result) {
            case InterpreterCalls.Requested.Calling c -> "calling";
            case InterpreterCalls.Requested.NoneAvailable n -> "none-available";
            case InterpreterCalls.Requested.AlreadyOn a -> "already-" + a.call().stage().wireName();
        }, language);
        return new Outcome.Asked(result, language);
    }
}
