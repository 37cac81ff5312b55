package org.hotline.gateway.voice.twilio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.contact.Person;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.interpreter.InterpreterCall;
import org.hotline.gateway.interpreter.InterpreterCalls;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.phone.PhoneNumbers;
import org.hotline.gateway.routing.QueuedContact;
import org.hotline.gateway.routing.Router;
import org.hotline.gateway.routing.RoutingEvent;
import org.hotline.gateway.routing.RoutingService;

/**
 * The hotline on Twilio Voice: each webhook resumes the call's flow and answers with TwiML. A call
 * is handled under its own lock; the answer to each distinct webhook is kept for a while, so a
 * retried webhook gets the same TwiML and causes nothing twice (no second referral, no second
 * queue entry).
 */
public class TwilioCallService {


    private final ContactRunner contacts;
    private final Flow flow;
    private final CallSessions calls;
    private final RoutingService routing;
    private final HotlineDirectory directory;
    private final TwimlRenderer twiml;
    private final InterpreterCalls interpreters;
    private final Clock clock;

    TwilioCallService(ContactRunner contacts, CallSessions calls, RoutingService routing,
                      HotlineDirectory directory, TwimlRenderer twiml, InterpreterCalls interpreters, Clock clock) {
        this.contacts = contacts;
        this.flow = contacts.flow();
        this.calls = calls;
        this.routing = routing;
        this.directory = directory;
        this.twiml = twiml;
        this.interpreters = interpreters;
        this.clock = clock;
    }

    private static Person person(VoiceSession session) {
        return Person.caller(ContactChannel.TWILIO_VOICE, session.contact());
    }

    /** The number called from, when it is a real number: withheld callers show as "anonymous" and the like. */
    static Optional<String> callerNumber(String from) {
        return Optional.ofNullable(from).filter(PhoneNumbers::isValidE164);
    }

    // --- the caller's leg ---

    public String incoming(TwilioRequest request, String path) {
        String callSid = request.callSid();
        String fingerprint = CallSessions.fingerprint(path, request);
        Optional<String> caller = callerNumber(request.from());
        FlowEngine.Result result = contacts.start(callSid, Person.caller(ContactChannel.TWILIO_VOICE, caller.orElse(null)));
        VoiceSession session = VoiceSession.start(callSid, caller.orElse(null), clock.instant(), result.state());
        if (result.steps().stream().noneMatch(step -> step instanceof Step.Refer || step instanceof Step.Route)) {
            // the usual first answer (a greeting, the language menu) changes nothing but the session: one write, no lock
            return calls.create(callSid, fingerprint, render(session, result.steps()), this::respondWait);
        }
        return calls.handle(callSid, fingerprint, existing -> existing.isPresent()
                // the call is already running: a late duplicate of the first webhook asks nothing new
                ? answer(null, respondWait(existing.get()))
                : render(session, result.steps()));
    }

    public String gather(TwilioRequest request, String path) {
        return calls.answerOnce(request.callSid(), request, path, session -> {
            boolean silence = "true".equals(request.param("silence")) || request.digits() == null || request.digits().isEmpty();
            Input input = silence ? new Input.Silence() : new Input.Digits(request.digits());
            return advance(session, input);
        });
    }

    public String recorded(TwilioRequest request, String path) {
        return calls.answerOnce(request.callSid(), request, path, session -> {
            boolean recorded = request.intValue("RecordingDuration", 0) > 0 && request.get("RecordingUrl") != null;
            String sid = request.get("RecordingSid");
            String url = request.get("RecordingUrl");
            if (recorded && (sid == null || sid.isBlank())) {
                sid = url.substring(url.lastIndexOf('/') + 1);
            }
            VoiceSession withRecording = recorded ? session.recording(url) : session;
            return advance(withRecording, new Input.RecordingResult(recorded, recorded ? sid : null));
        });
    }

    /** The Enqueue action: the caller left the queue (after talking to an officer, or without one). */
    public String queueResult(TwilioRequest request, String path) {
        return calls.answerOnce(request.callSid(), request, path, session -> {
            if (interpreters.of(session.callSid()).filter(InterpreterCall::conference).isPresent()) {
                // moved out of the queue into the interpreter's conference: it stays there
                return answer(session, Twiml.response().add(TwilioInterpreterLeg.callerConference(session.callSid())).toXml());
            }
            String result = String.valueOf(request.get("QueueResult"));
            return switch (result) {
                case "bridged", "bridging-in-process", "redirected-from-bridged" -> advance(session, new Input.RouteResult(Input.RouteOutcome.ANSWERED));
                case "hangup" -> {
                    routing.abandon(session.callSid());
                    yield answer(session, Twiml.response().toXml());
                }
                case "leave" -> advance(session, new Input.RouteResult(session.leaveReason() == null ? Input.RouteOutcome.NOBODY : session.leaveReason()));
                default -> {
                    routing.abandon(session.callSid());
                    yield advance(session, new Input.RouteResult(Input.RouteOutcome.NOBODY));
                }
            };
        });
    }

    /** The conference with an interpreter ended for the caller (the officer hung up): as after any answered call. */
    public String conferenceEnded(TwilioRequest request, String callSid, String path) {
        return calls.answerOnce(callSid, request, path, session -> advance(session, new Input.RouteResult(Input.RouteOutcome.ANSWERED)));
    }

    /** The Dial action after an overflow or a transfer. */
    public String dialResult(TwilioRequest request, String path) {
        return calls.answerOnce(request.callSid(), request, path, session -> {
            if (session.flow().ended()) {
                return answer(session, Twiml.response().add(Twiml.hangup()).toXml());
            }
            String status = String.valueOf(request.get("DialCallStatus"));
            boolean answered = status.equals("completed") || status.equals("answered");
            return advance(session, new Input.RouteResult(answered ? Input.RouteOutcome.ANSWERED : Input.RouteOutcome.NOBODY));
        });
    }

    /** The queue's wait URL, requested again each time its TwiML ends: position, estimate, or leave. */
    public String waiting(TwilioRequest request) {
        return calls.handle(request.callSid(), null, found -> {
            VoiceSession session = found.orElseThrow(() -> new UnknownCallException(request.callSid()));
            Twiml response = Twiml.response();
            if (session.officerId() != null) {
                return answer(session, response.add(Twiml.pause(5)).toXml());
            }
            var state = routing.snapshot();
            Optional<Integer> position = Router.position(state, session.callSid());
            if (position.isEmpty()) {
                Duration waited = session.queuedAt() == null ? Duration.ZERO : Duration.between(session.queuedAt(), clock.instant());
                Input.RouteOutcome reason = waited.compareTo(directory.config().routing().maxQueueWait()) >= 0
                        ? Input.RouteOutcome.TIMEOUT : Input.RouteOutcome.NOBODY;
                return answer(session.leaving(reason), response.add(Twiml.leave()).toXml());
            }
            int queueTime = request.intValue("QueueTime", 0);
            String language = languageOf(session);
            if (queueTime < 5 || queueTime % 60 < 15) {
                response.add(twiml.sentence(language, textWith(language, "queue_position", "{position}", String.valueOf(position.get()))));
                routing.router().estimatedWait(state, session.callSid()).ifPresent(estimate -> response.add(twiml.sentence(language,
                        textWith(language, "queue_estimate", "{minutes}", String.valueOf(Math.max(1, estimate.toMinutes()))))));
            }
            return answer(session, response.add(Twiml.pause(15)).toXml());
        });
    }

    /** The call ended (status callback): the flow hangs up, the queue forgets it, the call log gets its record. */
    public void status(TwilioRequest request, String path) {
        String status = String.valueOf(request.get("CallStatus"));
        if (!List.of("completed", "busy", "failed", "no-answer", "canceled").contains(status)) {
            return;
        }
        calls.answerOnce(request.callSid(), request, path, session -> {
            if (session.finished()) {
                return answer(null, "");
            }
            VoiceSession current = session;
            // the flow had not ended: the caller hung up; at a route node, while waiting in the queue
            boolean hungUp = !session.flow().ended();
            boolean waitingInQueue = hungUp && session.officerId() == null && flow.node(session.flow().node()) instanceof Node.Route;
            ContactRunner.HungUp last = contacts.hangUp(current.flow(), person(current), attachments(current));
            current = current.withFlow(last.state());
            for (ContactRunner.Referred referred : last.referred()) {
                current = current.referred(referred.id(), referred.callback(), referred.voicemail());
            }
            if (current.officerId() == null && current.queuedAt() != null) {
                routing.abandon(current.callSid());
            }
            Instant now = clock.instant();
            CallOutcome outcome = CallOutcome.of(current.officerId() != null, current.transferred(), current.callbackReferred(),
                    current.voicemailReferred(), hungUp, waitingInQueue);
            Duration talk = current.answeredAt() == null ? Duration.ZERO : Duration.between(current.answeredAt(), now);
            Duration queueWait = current.queuedAt() == null ? Duration.ZERO
                    : Duration.between(current.queuedAt(), current.answeredAt() != null ? current.answeredAt() : now);
            contacts.ended(new CallRecord(current.callSid(), ContactChannel.TWILIO_VOICE, current.contact(), current.language(),
                    current.flow().vars().get("topic"), current.flow().vars().get("team"), current.flow().path(), current.startedAt(), now,
                    queueWait, current.officerId(), talk, outcome, current.referralIds(), null, null, null,
                    interpreters.callEnded(current.callSid())), person(current));
            return answer(current.asFinished(), "");
        });
    }

    // --- the flow ---

    private CallSessions.Answer advance(VoiceSession session, Input input) {
        if (session.flow().ended()) {
            return answer(session, Twiml.response().add(Twiml.hangup()).toXml());
        }
        FlowEngine.Result result = contacts.advance(session.flow(), input);
        if (result.steps().isEmpty() && result.state().equals(session.flow())) {
            // an input the flow does not expect here: keep the caller where they are
            return answer(session, respondWait(session));
        }
        return render(session.withFlow(result.state()), result.steps());
    }

    private CallSessions.Answer render(VoiceSession start, List<Step> steps) {
        Twiml response = Twiml.response();
        VoiceSession session = start.nextTurn();
        String turn = "&n=" + session.turn();
        List<Step> todo = new java.util.ArrayList<>(steps);
        while (!todo.isEmpty()) {
            Step step = todo.removeFirst();
            switch (step) {
                case Step.Say say -> twiml.say(response, say.language(), say.prompt(), say.team());
                case Step.Ask ask -> twiml.ask(response, ask, turn);
                case Step.Record record -> twiml.record(response, record, languageOf(session), turn);
                case Step.Refer refer -> session = refer(session, refer);
                case Step.Transfer transfer -> {
                    session = session.withTransfer();
                    response.add(Twiml.element("Dial").attribute("action", TwimlRenderer.BASE + "/dial-result?kind=transfer" + turn)
                            .add(Twiml.number(transfer.number())));
                }
                case Step.End end -> {
                    if (!end.reason().equals("transferred")) {
                        response.add(Twiml.hangup());
                    }
                }
                case Step.Route route -> {
                    contacts.routed(session.callSid(), session.callSid(), session.flow(), route, person(session));
                    Router.Outcome outcome = routing.enqueue(QueuedContact.waiting(session.callSid(), Channel.VOICE, route.team(),
                            route.language(), route.priority(), route.topic(), clock.instant()));
                    Optional<RoutingEvent> gone = outcome.events().stream()
                            .filter(e -> e instanceof RoutingEvent.ContactUnroutable u && u.contactId().equals(start.callSid())
                                    || e instanceof RoutingEvent.ContactOverflowed o && o.contactId().equals(start.callSid()))
                            .findFirst();
                    if (gone.isPresent() && gone.get() instanceof RoutingEvent.ContactOverflowed overflow) {
                        Twiml dial = Twiml.element("Dial").attribute("action", TwimlRenderer.BASE + "/dial-result?kind=overflow" + turn)
                                .attribute("timeout", directory.config().routing().ringTimeout().toSeconds());
                        for (String number : overflow.number().split(",")) {
                            dial.add(Twiml.number(number));
                        }
                        response.add(dial);
                    } else if (gone.isPresent()) {
                        FlowEngine.Result next = contacts.advance(session.flow(), new Input.RouteResult(Input.RouteOutcome.NOBODY));
                        session = session.withFlow(next.state());
                        todo.addAll(0, next.steps());
                    } else {
                        session = session.queued(clock.instant());
                        response.add(Twiml.element("Enqueue").attribute("action", TwimlRenderer.BASE + "/queue-result?lang=" + route.language() + turn)
                                .attribute("waitUrl", TwimlRenderer.BASE + "/wait?lang=" + route.language()).text(queueName(session.callSid())));
                    }
                }
            }
        }
        return answer(session, response.toXml());
    }

    private VoiceSession refer(VoiceSession session, Step.Refer refer) {
        ContactRunner.Referred referred = contacts.refer(refer, person(session), attachments(session));
        return session.referred(referred.id(), referred.callback(), referred.voicemail());
    }

    /** A voicemail's recording is fetched from Twilio by its URL. */
    private static ContactRunner.Attachments attachments(VoiceSession session) {
        return new ContactRunner.Attachments(session.recordingUrl(), null);
    }

    /** A harmless answer that keeps the caller where they are: the question again, or the queue. */
    private String respondWait(VoiceSession session) {
        return Twiml.response().add(Twiml.pause(1))
                .add(Twiml.redirect(TwimlRenderer.BASE + "/gather?silence=true&lang=" + languageOf(session) + "&n=" + session.turn())).toXml();
    }

    static String queueName(String callSid) {
        return "hotline-" + callSid;
    }

    private static CallSessions.Answer answer(VoiceSession session, String twiml) {
        return new CallSessions.Answer(session, twiml);
    }

    private String languageOf(VoiceSession session) {
        return session.language() != null ? session.language() : flow.defaultLanguage();
    }

    private Optional<String> twimlText(String language, String promptId) {
        return Optional.of(promptsText(language, promptId)).filter(t -> !t.isEmpty());
    }

    private String promptsText(String language, String promptId) {
        return flow.prompts().find(language, promptId).map(p -> p.text()).orElse("");
    }

    private String textWith(String language, String promptId, String placeholder, String value) {
        return promptsText(language, promptId).replace(placeholder, value);
    }


    /** A follow-up webhook for a call this gateway does not know (expired, or not started here). */
    public static class UnknownCallException extends RuntimeException {
        public UnknownCallException(String callSid) {
            super("no session for call " + callSid);
        }
    }
}
