package org.hotline.gateway.voice.asterisk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ConfbridgeLeaveEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.config.HotlineConfig.Interpreter;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.contact.Person;
import org.hotline.gateway.interpreter.InterpreterCall;
import org.hotline.gateway.interpreter.InterpreterCalls;
import org.hotline.gateway.interpreter.InterpreterLine;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interpreters on Asterisk calls, by AMI. The caller's and the officer's channels are learnt when
 * the queue connects them (AgentConnect). The interpreter is called by Originate into the dialplan's
 * {@code hotline-interpreter} context, whose FastAGI script greets them and waits for 1; an Originate
 * that fails (no answer, busy) makes way for the next. On 1, both legs get the conference's name and
 * are redirected (one Redirect, the officer as ExtraChannel) into {@code hotline-conference}: a
 * ConfBridge named for the call, where the officer is the marked user and the others leave with them.
 * The caller's FastAGI session ends with the redirect; the call record waits until the caller leaves
 * the conference (ConfbridgeLeave), then counts the talk and the interpreter's time to that moment.
 */
public class AsteriskInterpreterLine implements InterpreterLine {

    private static final Logger log = LoggerFactory.getLogger(AsteriskInterpreterLine.class);
    static final String NAME = "asterisk";
    static final String INTERPRETER_CONTEXT = "hotline-interpreter";
    static final String CONFERENCE_CONTEXT = "hotline-conference";
    private static final String ORIGINATE_ID = "hotline-interpreter ";
    private static final Duration KEEP = Duration.ofHours(12);

    /** A call's two legs as the queue connected them, and when (for the record's wait and talk). */
    record Legs(String callId, String callerChannel, String officerChannel, Instant connectedAt, long holdSeconds) {}

    private final ManagerConnection connection;
    private final AsteriskSettings settings;
    private final HotlineDirectory directory;
    private final CallScreens screens;
    private final SessionStore store;
    private final LockManager locks;
    private final ContactRunner contacts;
    private final Supplier<InterpreterCalls> interpreters;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ami-interpreters").factory());

    public AsteriskInterpreterLine(ManagerConnection connection, AsteriskSettings settings, HotlineDirectory directory, CallScreens screens,
                                   SessionStore store, LockManager locks, ContactRunner contacts, Supplier<InterpreterCalls> interpreters,
                                   JsonMapper json, Clock clock) {
        this.connection = connection;
        this.settings = settings;
        this.directory = directory;
        this.screens = screens;
        this.store = store;
        this.locks = locks;
        this.contacts = contacts;
        this.interpreters = interpreters;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean carries(String callId) {
        return legs(callId).isPresent();
    }

    /** AMI's events, handled in order off its event thread. */
    public void on(ManagerEvent event) {
        switch (event) {
            case AgentConnectEvent connected when connected.getMemberName() != null
                    && directory.officer(connected.getMemberName()).isPresent() -> later(() -> connected(connected));
            case OriginateResponseEvent response when response.getActionId() != null
                    && response.getActionId().startsWith(ORIGINATE_ID) && !"Success".equalsIgnoreCase(response.getResponse()) -> later(() -> {
                String[] ids = response.getActionId().substring(ORIGINATE_ID.length()).split(" ");
                if (ids.length == 2) {
                    interpreters.get().ended(ids[0], ids[1]);
                }
            });
            case ConfbridgeLeaveEvent left when left.getConference() != null -> later(() -> leftConference(left.getConference(), left.getChannel()));
            default -> { }
        }
    }

    private void connected(AgentConnectEvent event) {
        screens.context(event.getUniqueId()).ifPresent(context -> {
            long hold = event.getHoldTime() == null ? 0 : event.getHoldTime();
            store.put(legsKey(context.callId()), json.writeValueAsString(new Legs(context.callId(), event.getChannel(),
                    event.getDestChannel(), clock.instant(), hold)), KEEP);
        });
    }

    @Override
    public void ring(String callId, Interpreter interpreter, String language, Duration ringTimeout) {
        String dial = interpreter.reach().sip() != null ? interpreter.reach().sip()
                : interpreter.reach().phone() != null ? settings.dialString(interpreter.reach().phone()) : null;
        if (dial == null) {
            throw new LineException("interpreter " + interpreter.id() + " has no SIP endpoint or phone", null);
        }
        var originate = new OriginateAction();
        originate.setChannel(dial);
        originate.setContext(INTERPRETER_CONTEXT);
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(ringTimeout.toMillis());
        originate.setAsync(true);
        originate.setCallerId("Hotline interpreter");
        originate.setVariables(Map.of("HOTLINE_CALL", callId, "HOTLINE_INTERPRETER", interpreter.id(), "HOTLINE_LANGUAGE", language));
        originate.setActionId(ORIGINATE_ID + callId + " " + interpreter.id());
        send(originate, "call the interpreter");
    }

    @Override
    public void join(String callId) {
        Legs legs = legs(callId).orElseThrow(() -> new LineException("the legs of call " + callId + " are not known", null));
        send(new SetVarAction(legs.callerChannel(), "HOTLINE_CONFERENCE", callId), "name the caller's conference");
        send(new SetVarAction(legs.officerChannel(), "HOTLINE_CONFERENCE", callId), "name the officer's conference");
        var redirect = new RedirectAction(legs.callerChannel(), CONFERENCE_CONTEXT, "caller", 1);
        redirect.setExtraChannel(legs.officerChannel());
        redirect.setExtraContext(CONFERENCE_CONTEXT);
        redirect.setExtraExten("officer");
        redirect.setExtraPriority(1);
        send(redirect, "move the caller and the officer into the conference");
    }

    /**
     * The caller's FastAGI session ended: when an interpreter joined, the caller talks on in the
     * conference, and the record waits for them to leave it (unless they already have). True when
     * the record is this line's to write.
     */
    public boolean deferIfInConference(CallRecord record) {
        Optional<InterpreterCall> call = interpreters.get().of(record.id());
        if (call.isEmpty() || !call.get().conference()) {
            return false;
        }
        underRecordLock(record.id(), () -> {
            if (store.get(callerLeftKey(record.id())).isPresent()) {
                finish(record);
            } else {
                store.put(deferredKey(record.id()), json.writeValueAsString(record), KEEP);
            }
        });
        return true;
    }

    /**
     * Someone left the call's conference. The interpreter: their time ends, the call goes on. The
     * caller: the call is over; its record is finished and written, once (or, should the caller
     * leave before their FastAGI session has handed the record over, when it does).
     */
    private void leftConference(String callId, String channel) {
        Optional<Legs> legs = legs(callId);
        if (legs.isEmpty() || legs.get().officerChannel().equals(channel)) {
            return;
        }
        if (!legs.get().callerChannel().equals(channel)) {
            interpreters.get().of(callId).filter(c -> !c.joins().isEmpty())
                    .ifPresent(c -> interpreters.get().ended(callId, c.joins().getLast().interpreterId()));
            return;
        }
        underRecordLock(callId, () -> {
            // the record the FastAGI session could not finish: the caller went on in the conference
            Optional<CallRecord> deferred = store.get(deferredKey(callId)).map(text -> json.readValue(text, CallRecord.class));
            if (deferred.isEmpty()) {
                store.put(callerLeftKey(callId), clock.instant().toString(), KEEP);
                return;
            }
            store.remove(deferredKey(callId));
            finish(deferred.get());
        });
    }

    /** The record as the conference ended it: answered by the officer, talk from the pick-up, each interpreter's time. */
    private void finish(CallRecord was) {
        Legs connected = legs(was.id()).orElseThrow();
        Instant now = clock.instant();
        InterpreterCall interpreter = interpreters.get().of(was.id()).orElseThrow();
        CallRecord record = new CallRecord(was.id(), was.channel(), was.contact(), was.language(), was.topic(), was.team(), was.path(),
                was.startedAt(), now, Duration.ofSeconds(connected.holdSeconds()), interpreter.officerId(),
                Duration.between(connected.connectedAt(), now), CallOutcome.ANSWERED, was.referralIds(), was.closing(), was.providerRef(),
                was.notes(), interpreters.get().callEnded(was.id()));
        contacts.ended(record, Person.caller(ContactChannel.ASTERISK, was.contact()));
    }

    private void underRecordLock(String callId, Runnable work) {
        try (var held = locks.tryLock("asterisk:deferred:" + callId, Duration.ofSeconds(10), Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("the record of call " + callId + " is locked"))) {
            work.run();
        }
    }

    private Optional<Legs> legs(String callId) {
        return store.get(legsKey(callId)).map(text -> json.readValue(text, Legs.class));
    }

    private void send(ManagerAction action, String what) {
        try {
            ManagerResponse response = connection.sendAction(DialplanValues.checked(action), 10_000);
            if (response instanceof ManagerError error) {
                throw new LineException("Asterisk refused to " + what + ": " + error.getMessage(), null);
            }
        } catch (LineException e) {
            throw e;
        } catch (Exception e) {
            throw new LineException("Asterisk did not " + what + ": " + e.getMessage(), e);
        }
    }

    private void later(Runnable work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("AMI: an interpreter event was not handled: {}", e.toString());
            }
        });
    }

    private static String legsKey(String callId) {
        return "asterisk:legs:" + callId;
    }

    private static String callerLeftKey(String callId) {
        return "asterisk:caller-left:" + callId;
    }

    private static String deferredKey(String callId) {
        return "asterisk:deferred-record:" + callId;
    }
}
