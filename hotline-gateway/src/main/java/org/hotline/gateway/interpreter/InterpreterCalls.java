package org.hotline.gateway.interpreter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.config.HotlineConfig.Interpreter;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.interpreter.InterpreterCall.Stage;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interpreters on calls, the same on every voice line: an officer asks for one; the interpreters
 * for the language who may be called now and are not on another call are called one at a time, in
 * roster order; the first to press 1 joins the caller and the officer; one who declines or rings
 * out makes way for the next; when nobody is left the officer is told at once, and the caller and
 * the officer simply talk on (they are moved only once an interpreter has said yes). Each join is
 * timed for the call record. One call's state changes under its own lock.
 */
public class InterpreterCalls {

    private static final Logger log = LoggerFactory.getLogger(InterpreterCalls.class);
    private static final Duration KEEP = Duration.ofHours(12);
    /** An interpreter is free again at the latest this long after being called (should their hang-up be missed). */
    private static final Duration BUSY_AT_MOST = Duration.ofHours(4);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What the officer's request led to. */
    public sealed interface Requested {
        record Calling(String interpreter) implements Requested {}

        record AlreadyOn(InterpreterCall call) implements Requested {}

        record NoneAvailable(String language) implements Requested {}
    }

    private final SessionStore store;
    private final LockManager locks;
    private final HotlineDirectory directory;
    private final List<InterpreterLine> lines;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    public InterpreterCalls(SessionStore store, LockManager locks, HotlineDirectory directory, List<InterpreterLine> lines,
                            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.directory = directory;
        this.lines = List.copyOf(lines);
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The line that carries the call, if any does. */
    public Optional<InterpreterLine> lineOf(String callId) {
        return lines.stream().filter(l -> l.carries(callId)).findFirst();
    }

    public Optional<InterpreterCall> of(String callId) {
        return store.get(key(callId)).map(text -> json.readValue(text, InterpreterCall.class));
    }

    /**
     * The officer on the call asks for an interpreter for {@code language}: the first one available
     * is called. Asking while one is ringing or on the call changes nothing.
     */
    public Requested request(String callId, InterpreterLine line, String language, String officerId, String team) {
        InterpreterCall after = change(callId, current -> {
            Instant now = clock.instant();
            if (current != null && (current.stage() == Stage.CALLING || current.stage() == Stage.JOINED || current.stage() == Stage.OVER)) {
                return current;
            }
            InterpreterCall asked = current == null
                    ? InterpreterCall.requested(callId, line.name(), language, officerId, team, now)
                    : current.askedAgain(language, now);
            return callNext(asked, line);
        });
        return switch (after.stage()) {
            case CALLING -> new Requested.Calling(displayName(after.calling()));
            case NONE_AVAILABLE -> new Requested.NoneAvailable(language);
            default -> new Requested.AlreadyOn(after);
        };
    }

    /**
     * The interpreter pressed 1: the caller and the officer are moved into the conference, and the
     * interpreter joins it. False when it is too late (the caller hung up, or someone else joined):
     * the interpreter is thanked and let go.
     */
    public boolean accepted(String callId, String interpreterId) {
        boolean[] joined = {false};
        change(callId, current -> {
            if (current != null && current.stage() == Stage.JOINED && interpreterId.equals(current.present())) {
                // a retried "1" (a provider retries a webhook it got no answer to): still on the call
                joined[0] = true;
                return current;
            }
            if (current == null || current.stage() != Stage.CALLING || !interpreterId.equals(current.calling())) {
                return current;
            }
            InterpreterLine line = line(current);
            try {
                line.join(callId);
            } catch (RuntimeException e) {
                log.warn("interpreter {} could not be joined to call {}: {}", interpreterId, callId, e.toString());
                release(interpreterId, callId);
                return current.notComing(interpreterId, clock.instant());
            }
            joined[0] = true;
            return current.joined(interpreterId, clock.instant());
        });
        return joined[0];
    }

    /**
     * The interpreter's call ended: before they joined (declined, rang out, busy, failed), the next one
     * is called; after, they left the call, which goes on.
     */
    public void ended(String callId, String interpreterId) {
        change(callId, current -> {
            if (current == null) {
                release(interpreterId, callId);
                return null;
            }
            Instant now = clock.instant();
            if (current.stage() == Stage.CALLING && interpreterId.equals(current.calling())) {
                release(interpreterId, callId);
                return callNext(current.notComing(interpreterId, now), line(current));
            }
            if (current.stage() == Stage.JOINED && interpreterId.equals(current.present())) {
                release(interpreterId, callId);
                return current.left(now, Stage.LEFT);
            }
            if (!interpreterId.equals(current.calling()) && !interpreterId.equals(current.present())) {
                release(interpreterId, callId);
            }
            return current;
        });
    }

    /**
     * The caller's call is over: each interpreter's time with the caller, for the call record. An
     * interpreter still ringing who says yes later is thanked and let go.
     */
    public List<CallRecord.InterpreterTime> callEnded(String callId) {
        if (store.get(key(callId)).isEmpty()) {
            return List.of();
        }
        InterpreterCall after = change(callId, current -> current == null ? null : current.left(clock.instant(), Stage.OVER));
        if (after == null) {
            return List.of();
        }
        return after.joins().stream()
                .map(j -> new CallRecord.InterpreterTime(j.interpreterId(), j.language(), j.joinedAt(), j.time(after.since())))
                .toList();
    }

    /** The next interpreter who may be called now and is free; the first whose call can be placed rings. */
    private InterpreterCall callNext(InterpreterCall call, InterpreterLine line) {
        Instant now = clock.instant();
        InterpreterCall current = call;
        for (Interpreter interpreter : directory.interpretersFor(call.language(), now)) {
            if (current.tried().contains(interpreter.id()) || !claim(interpreter.id(), call.callId())) {
                continue;
            }
            InterpreterCall calling = current.calling(interpreter.id(), now);
            // written before the phone rings: an interpreter who picks up at once finds themselves expected
            store.put(key(call.callId()), json.writeValueAsString(calling), KEEP);
            try {
                line.ring(call.callId(), interpreter, call.language(), directory.config().interpreters().ringTimeout());
                return calling;
            } catch (RuntimeException e) {
                log.warn("interpreter {} could not be called for call {}: {}", interpreter.id(), call.callId(), e.toString());
                release(interpreter.id(), call.callId());
                current = current.notComing(interpreter.id(), now);
            }
        }
        return current;
    }

    /** An interpreter is on one call at a time: called or on it. */
    private boolean claim(String interpreterId, String callId) {
        Optional<String> holder = store.get(busyKey(interpreterId));
        if (holder.isPresent() && !holder.get().equals(callId)) {
            return false;
        }
        store.put(busyKey(interpreterId), callId, BUSY_AT_MOST);
        return true;
    }

    /** Frees the interpreter, if this call holds them: a late callback of another call never frees someone busy on this one. */
    private void release(String interpreterId, String callId) {
        if (store.get(busyKey(interpreterId)).filter(callId::equals).isPresent()) {
            store.remove(busyKey(interpreterId));
        }
    }

    private InterpreterLine line(InterpreterCall call) {
        return lines.stream().filter(l -> l.name().equals(call.line())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no interpreter line " + call.line()));
    }

    private InterpreterCall change(String callId, UnaryOperator<InterpreterCall> operation) {
        InterpreterCall before;
        InterpreterCall after;
        try (var held = locks.tryLock("interpreter:" + callId, LEASE, WAIT)
                .orElseThrow(() -> new IllegalStateException("the interpreter of call " + callId + " is locked"))) {
            before = of(callId).orElse(null);
            after = operation.apply(before);
            if (after != null && !after.equals(before)) {
                store.put(key(callId), json.writeValueAsString(after), KEEP);
            }
        }
        if (after != null && (before == null || before.stage() != after.stage() || !java.util.Objects.equals(before.calling(), after.calling()))) {
            events.publishEvent(new InterpreterEvent(callId, after.officerId(), after.stage().wireName()));
        }
        return after;
    }

    /** The interpreter's name as officers see it. */
    public String displayName(String interpreterId) {
        return directory.interpreter(interpreterId).map(Interpreter::displayName).orElse(interpreterId);
    }

    private static String key(String callId) {
        return "interpreter:call:" + callId;
    }

    private static String busyKey(String interpreterId) {
        return "interpreter:busy:" + interpreterId;
    }
}
