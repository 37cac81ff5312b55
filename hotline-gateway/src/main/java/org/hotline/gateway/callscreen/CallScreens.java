package org.hotline.gateway.callscreen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.RoutingEvent;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each officer's call screen ("screen pop"): the call offered to them or on their line, with its
 * context from the moment it joined the queue, their notes, and the wrap-up after it. The channels
 * tell it what happens (Twilio through routing's events, which only its calls cause; Asterisk, whose
 * own queues ring the officers, through AMI); every change is published as {@link Changed}, which
 * the console relays to the officer's pages.
 * Notes are kept with the call record: in it when the call ends, as a newer version of it after.
 */
public class CallScreens {

    public enum Stage {
        OFFERED, ON_CALL, WRAP_UP;

        public String wireName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** One officer's screen. {@code recorded}: the call is over and its record written. */
    public record Screen(String officerId, String callId, String screenKey, Stage stage, Instant since, Instant wrapUpUntil,
                         String notes, boolean recorded) {

        Screen at(Stage newStage, Instant newSince) {
            return new Screen(officerId, callId, screenKey, newStage, newSince, wrapUpUntil, notes, recorded);
        }
    }

    /** An officer's screen changed; {@code stage} is the new one's wire name, or {@code none}. */
    public record Changed(String officerId, String callId, String stage) {}

    /** A screen with the call's context (which may be missing: a call the gateway did not see queued). */
    public record View(Screen screen, Optional<CallContext> context) {}

    public static final int MAX_NOTES = 2000;
    private static final Duration KEEP = Duration.ofHours(12);
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(4);

    private final SessionStore store;
    private final LockManager locks;
    private final CallLog callLog;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Duration wrapUp;
    private final Clock clock;

    public CallScreens(SessionStore store, LockManager locks, CallLog callLog, ApplicationEventPublisher events, JsonMapper json, Duration wrapUp,
                       Clock clock) {
        this.store = store;
        this.locks = locks;
        this.callLog = callLog;
        this.events = events;
        this.json = json;
        this.wrapUp = wrapUp;
        this.clock = clock;
    }

    /** A call joined a queue: its context, kept for the officer it will be offered to. */
    public void waiting(CallContext context) {
        store.put(contextKey(context.screenKey()), json.writeValueAsString(context), KEEP);
    }

    public Optional<CallContext> context(String screenKey) {
        return store.get(contextKey(screenKey)).map(text -> json.readValue(text, CallContext.class));
    }

    /** The call rings at the officer's phone: their screen shows it. */
    public void offered(String screenKey, String officerId) {
        String callId = context(screenKey).map(CallContext::callId).orElse(screenKey);
        change(officerId, current -> new Screen(officerId, callId, screenKey, Stage.OFFERED, clock.instant(), null, null, false));
    }

    /** The offer ended unanswered: the screen goes, unless it shows another call by now. */
    public void withdrawn(String screenKey, String officerId) {
        change(officerId, current -> current != null && current.screenKey().equals(screenKey) && current.stage() == Stage.OFFERED ? null : current);
    }

    /** The officer picked up. Notes already written for this call stay. */
    public void connected(String screenKey, String officerId) {
        change(officerId, current -> current != null && current.screenKey().equals(screenKey)
                ? current.at(Stage.ON_CALL, clock.instant())
                : new Screen(officerId, context(screenKey).map(CallContext::callId).orElse(screenKey), screenKey, Stage.ON_CALL,
                        clock.instant(), null, null, false));
    }

    @EventListener
    public void on(RoutingEvent.OfferMade offer) {
        if (offer.channel() == Channel.VOICE) {
            offered(offer.contactId(), offer.officerId());
        }
    }

    @EventListener
    public void on(RoutingEvent.OfferWithdrawn withdrawn) {
        withdrawn(withdrawn.contactId(), withdrawn.officerId());
    }

    @EventListener
    public void on(RoutingEvent.ContactAnswered answered) {
        if (answered.channel() == Channel.VOICE) {
            connected(answered.contactId(), answered.officerId());
        }
    }

    /** A call or conversation was recorded: an officer's call goes to wrap-up, and the notes written so far join its record. */
    @EventListener
    public void on(CallRecord record) {
        if (record.officerId() == null || record.channel().kind() != Channel.VOICE) {
            return;
        }
        change(record.officerId(), current -> {
            if (current == null || !current.callId().equals(record.id())) {
                return current;
            }
            if (current.notes() != null) {
                callLog.amend(record.withNotes(current.notes()));
            }
            return new Screen(current.officerId(), current.callId(), current.screenKey(), Stage.WRAP_UP, record.endedAt(),
                    record.endedAt().plus(wrapUp), current.notes(), true);
        });
        // the context stays (it expires with the screen): the wrap-up still shows what the call was about
    }

    /**
     * The officer's notes on the call on their screen; once the call is recorded, the record gets them too.
     * False when that call is not on their screen (any more).
     */
    public boolean saveNotes(String officerId, String callId, String notes) {
        if (notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("notes: at most " + MAX_NOTES + " characters");
        }
        boolean[] saved = {false};
        change(officerId, current -> {
            if (current == null || !current.callId().equals(callId)) {
                return current;
            }
            saved[0] = true;
            if (current.recorded()) {
                // the record ended when the wrap-up began: only the newest page of the log is read
                callLog.since(current.since()).stream().filter(r -> r.id().equals(callId)).findFirst()
                        .ifPresent(r -> callLog.amend(r.withNotes(notes)));
            }
            return new Screen(current.officerId(), current.callId(), current.screenKey(), current.stage(), current.since(),
                    current.wrapUpUntil(), notes, current.recorded());
        });
        return saved[0];
    }

    /** The officer is done with the screen of a finished call. */
    public void dismiss(String officerId, String callId) {
        change(officerId, current -> current != null && current.callId().equals(callId) && current.recorded() ? null : current);
    }

    public Optional<View> of(String officerId) {
        return screen(officerId).map(s -> new View(s, context(s.screenKey())));
    }

    private Optional<Screen> screen(String officerId) {
        return store.get(screenKey(officerId)).map(text -> json.readValue(text, Screen.class));
    }

    private void change(String officerId, UnaryOperator<Screen> operation) {
        Screen after;
        Screen before;
        try (var held = locks.tryLock("callscreen:" + officerId, LEASE, WAIT)
                .orElseThrow(() -> new IllegalStateException("the call screen of " + officerId + " is locked"))) {
            before = screen(officerId).orElse(null);
            after = operation.apply(before);
            if (after == null && before != null) {
                store.remove(screenKey(officerId));
            } else if (after != null && !after.equals(before)) {
                store.put(screenKey(officerId), json.writeValueAsString(after), KEEP);
            }
        }
        if (!java.util.Objects.equals(before, after)) {
            Screen shown = after != null ? after : before;
            events.publishEvent(new Changed(officerId, shown.callId(), after == null ? "none" : after.stage().wireName()));
        }
    }

    private static String contextKey(String screenKey) {
        return "callscreen:call:" + screenKey;
    }

    private static String screenKey(String officerId) {
        return "callscreen:officer:" + officerId;
    }
}
