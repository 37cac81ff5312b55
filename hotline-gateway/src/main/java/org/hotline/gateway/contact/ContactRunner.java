package org.hotline.gateway.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.calllog.ReturningContacts;
import org.hotline.gateway.callscreen.CallContext;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.cases.OutboxMapper;
import org.hotline.gateway.flow.Facts;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.languages.WrittenLanguages;
import org.hotline.gateway.routing.TeamHours;

/**
 * One contact's life around the flow engine, the same for every channel: the facts a flow starts
 * from (hours, holidays, whether the person has a number, the language they chose before), its
 * steps, what a refer step means (the outbox, the callback rule: "caller" is the person's own number),
 * a hang-up (a recorded voicemail is still referred), and the record at the end (the call log, and
 * the language remembered when that is kept). Channels only translate: TwiML, AGI commands, messages.
 */
public class ContactRunner {

    private final Flow flow;
    private final TeamHours hours;
    private final ReturningContacts returning;
    private final ReferralOutbox outbox;
    private final CallLog callLog;
    private final CallScreens screens;
    private final WrittenLanguages written;
    private final boolean readsReturningLanguage;
    private final Clock clock;

    public ContactRunner(Flow flow, TeamHours hours, ReturningContacts returning, ReferralOutbox outbox, CallLog callLog,
                         CallScreens screens, WrittenLanguages written, Clock clock) {
        this.flow = flow;
        this.written = written;
        this.readsReturningLanguage = flow.readsReturningLanguage();
        this.screens = screens;
        this.hours = hours;
        this.returning = returning;
        this.outbox = outbox;
        this.callLog = callLog;
        this.clock = clock;
    }

    public Flow flow() {
        return flow;
    }

    /** A new contact: the flow starts from the facts of this moment and this person. */
    public FlowEngine.Result start(String contactId, Person person) {
        return start(contactId, person, null);
    }

    /**
     * A new conversation, opened by the person's first words: when they are clearly written in one of
     * the hotline's languages, the language menu first offers that one.
     */
    public FlowEngine.Result start(String contactId, Person person, String firstWords) {
        Instant now = clock.instant();
        // one store round trip fewer on every new contact when the flow never asks for it (the shipped one does not)
        String remembered = person.memoryKey() == null || !readsReturningLanguage ? null
                : returning.lastLanguage(person.memoryKey()).orElse(null);
        String writtenIn = firstWords == null ? null : written.guess(firstWords).orElse(null);
        Facts facts = new Facts(person.channel().kind(), person.hasPhone(), remembered, hours.openTeams(now), hours.isHoliday(now),
                writtenIn);
        return FlowEngine.start(flow, contactId, facts);
    }

    public FlowEngine.Result advance(FlowState state, Input input) {
        return FlowEngine.advance(flow, state, input);
    }

    /** A typed reply; at the language menu (before any offer) with the language it is clearly written in. */
    public FlowEngine.Result reply(FlowState state, String text) {
        return FlowEngine.advance(flow, state, written.read(flow, state, text));
    }

    /** What a contact referred, for its record and its outcome. */
    public record Referred(String id, boolean callback, boolean voicemail) {}

    /**
     * Where a referral's attachments are, known to the channel: a voicemail's URL (Twilio) and a
     * chat's transcript reference; null when there is none.
     */
    public record Attachments(String recordingUrl, String transcriptRef) {
        public static final Attachments NONE = new Attachments(null, null);
    }

    /** A refer step, to the outbox once (a repeated step adds nothing): "caller" means the person's own number. */
    public Referred refer(Step.Refer step, Person person, Attachments attachments) {
        var referral = step.referral();
        String callback = "caller".equals(referral.callbackNumber()) ? person.phone() : referral.callbackNumber();
        outbox.add(referral, new OutboxMapper.Origin(person.address(), callback,
                referral.recordingRef() == null ? null : attachments.recordingUrl(), "flow", clock.instant(), attachments.transcriptRef(),
                person.channel().wireName()));
        return new Referred(referral.id(), referral.kind() == Node.ReferralKind.CALLBACK, referral.kind() == Node.ReferralKind.VOICEMAIL);
    }

    /** The refer steps among {@code steps}, each to the outbox; the others are the channel's to render. */
    public List<Referred> referAll(List<Step> steps, Person person, Attachments attachments) {
        List<Referred> referred = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.Refer refer) {
                referred.add(refer(refer, person, attachments));
            }
        }
        return referred;
    }

    /** The person hung up before the flow ended: the flow's last steps (a recorded voicemail is still referred). */
    public record HungUp(FlowState state, List<Referred> referred) {}

    public HungUp hangUp(FlowState state, Person person, Attachments attachments) {
        if (state.ended()) {
            return new HungUp(state, List.of());
        }
        FlowEngine.Result result = FlowEngine.advance(flow, state, new Input.Hangup());
        return new HungUp(result.state(), referAll(result.steps(), person, attachments));
    }

    /**
     * The contact is over: its record goes to the call log; the language the person chose and that
     * they reached the hotline once more are remembered (when kept).
     */
    public void ended(CallRecord record, Person person) {
        callLog.record(record);
        if (person.memoryKey() != null && record.language() != null) {
            returning.remember(person.memoryKey(), record.language());
        }
        returning.count(person.memoryKey(), record.outcome(), record.endedAt());
    }

    /**
     * A call joins a queue: what the officer who takes it should see at once (its context, and the
     * person's earlier contacts when the deployment keeps them), for the console's call screen.
     * {@code screenKey} is the channel's own name for the call in its events (CallSid, Asterisk's
     * unique id); {@code callId} the call record's id.
     */
    public void routed(String callId, String screenKey, FlowState state, Step.Route route, Person person) {
        var history = returning.history(person.memoryKey()).orElse(null);
        screens.waiting(new CallContext(callId, screenKey, person.channel(), route.team(), route.language(), route.topic(),
                route.priority() == Node.Priority.URGENT, state.path(), clock.instant(), state.vars().get("safe_to_call"),
                history == null ? 0 : history.contacts(), history == null ? null : history.lastOutcome(),
                history == null ? null : history.lastEndedAt()));
    }
}
