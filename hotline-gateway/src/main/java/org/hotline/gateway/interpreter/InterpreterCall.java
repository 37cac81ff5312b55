package org.hotline.gateway.interpreter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One call's interpreter, from the officer's request to the end of the call: who is being called,
 * who was tried, and each interpreter's time on the call (what the organisation pays and counts).
 * Stored per call while it lasts; the call record keeps the times.
 *
 * @param callId    the call record's id (Twilio's CallSid; the Asterisk call's id)
 * @param line      the line that carries the call ({@link InterpreterLine#name()})
 * @param calling   the interpreter whose phone rings now, or null
 * @param tried     interpreters called for this call who did not come (declined, rang out, could not be called)
 * @param joins     interpreters who joined, in order, each with when they left (null while on the call)
 */
public record InterpreterCall(String callId, String line, String language, String officerId, String team, Stage stage,
                              String calling, Instant since, List<String> tried, List<Joined> joins) {

    public enum Stage {
        /** An interpreter's phone rings. */
        CALLING,
        /** An interpreter is on the call with the caller and the officer. */
        JOINED,
        /** Nobody could be called, or nobody came: the officer was told; asking again tries everyone anew. */
        NONE_AVAILABLE,
        /** The interpreter left; the caller and the officer talk on. */
        LEFT,
        /** The caller's call ended. */
        OVER;

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public record Joined(String interpreterId, String language, Instant joinedAt, Instant leftAt) {
        public Duration time(Instant now) {
            return Duration.between(joinedAt, leftAt != null ? leftAt : now);
        }
    }

    public InterpreterCall {
        tried = tried == null ? List.of() : List.copyOf(tried);
        joins = joins == null ? List.of() : List.copyOf(joins);
    }

    static InterpreterCall requested(String callId, String line, String language, String officerId, String team, Instant now) {
        return new InterpreterCall(callId, line, language, officerId, team, Stage.NONE_AVAILABLE, null, now, List.of(), List.of());
    }

    InterpreterCall calling(String interpreterId, Instant now) {
        return new InterpreterCall(callId, line, language, officerId, team, Stage.CALLING, interpreterId, now, tried, joins);
    }

    InterpreterCall notComing(String interpreterId, Instant now) {
        List<String> more = new ArrayList<>(tried);
        if (!more.contains(interpreterId)) {
            more.add(interpreterId);
        }
        return new InterpreterCall(callId, line, language, officerId, team, Stage.NONE_AVAILABLE, null, now, more, joins);
    }

    InterpreterCall joined(String interpreterId, Instant now) {
        List<Joined> more = new ArrayList<>(joins);
        more.add(new Joined(interpreterId, language, now, null));
        return new InterpreterCall(callId, line, language, officerId, team, Stage.JOINED, null, now, tried, more);
    }

    /** The interpreter on the call (if any) has left at {@code now}; {@code next} is the stage after. */
    InterpreterCall left(Instant now, Stage next) {
        List<Joined> closed = joins.stream()
                .map(j -> j.leftAt() == null ? new Joined(j.interpreterId(), j.language(), j.joinedAt(), now) : j).toList();
        return new InterpreterCall(callId, line, language, officerId, team, next, next == Stage.CALLING ? calling : null, now, tried, closed);
    }

    /** A new request after nobody came: everyone may be called again. */
    InterpreterCall askedAgain(String newLanguage, Instant now) {
        return new InterpreterCall(callId, line, newLanguage, officerId, team, Stage.NONE_AVAILABLE, null, now, List.of(), joins);
    }

    /** The interpreter on the call now, or null. */
    public String present() {
        return stage == Stage.JOINED && !joins.isEmpty() ? joins.getLast().interpreterId() : null;
    }

    /** The interpreter the officer is told about: the one ringing, else the last who joined (on the call, or gone); or null. */
    public String shown() {
        return calling != null ? calling : joins.isEmpty() ? null : joins.getLast().interpreterId();
    }

    /** Whether the caller and the officer have been moved to the call's conference. */
    public boolean conference() {
        return !joins.isEmpty();
    }
}
