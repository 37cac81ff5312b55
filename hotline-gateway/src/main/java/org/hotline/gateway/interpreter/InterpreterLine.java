package org.hotline.gateway.interpreter;

import org.hotline.gateway.config.HotlineConfig.Interpreter;

/**
 * How a voice channel brings an interpreter into one of its calls: Twilio (a {@code <Conference>}
 * named for the call, the legs moved there by the Calls API) or Asterisk (a ConfBridge, by AMI).
 */
public interface InterpreterLine {

    /** The line's name, kept with the call's interpreter state. */
    String name();

    /** Whether this line carries the call (it knows its legs). */
    boolean carries(String callId);

    /**
     * Calls the interpreter: their phone rings for {@code ringTimeout}; they hear the hotline and the
     * language and press 1 ({@link InterpreterCalls#accepted}), or decline or ring out
     * ({@link InterpreterCalls#notComing}). Throws {@link LineException} when the call cannot be placed.
     */
    void ring(String callId, Interpreter interpreter, String language, java.time.Duration ringTimeout);

    /** Moves the caller and the officer into the call's conference, where the interpreter is joining. */
    void join(String callId);

    /** The line could not do it (the provider refused, the PBX is unreachable). */
    class LineException extends RuntimeException {
        public LineException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
