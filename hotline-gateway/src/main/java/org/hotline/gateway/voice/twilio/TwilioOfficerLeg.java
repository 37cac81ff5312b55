package org.hotline.gateway.voice.twilio;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.routing.Router;
import org.hotline.gateway.routing.RoutingEvent;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.state.SessionStore;

/**
 * The officer's leg of a Twilio call: the officer picks up and hears who is waiting (in their own
 * language), presses 1 to take the caller (unless someone else already did), and the call's end
 * frees them. No answer, or no 1: routing offers the caller to the next officer.
 */
public class TwilioOfficerLeg {

    private static final Duration OFFICER_LEG_KEPT = Duration.ofHours(12);

    private final CallSessions calls;
    private final Flow flow;
    private final HotlineDirectory directory;
    private final RoutingService routing;
    private final TwimlRenderer twiml;
    private final SessionStore store;
    private final Clock clock;

    TwilioOfficerLeg(CallSessions calls, Flow flow, HotlineDirectory directory, RoutingService routing, TwimlRenderer twiml,
                     SessionStore store, Clock clock) {
        this.calls = calls;
        this.flow = flow;
        this.directory = directory;
        this.routing = routing;
        this.twiml = twiml;
        this.store = store;
        this.clock = clock;
    }

    /** What the officer hears when they pick up: who is waiting, and 1 to accept. */
    public String whisper(String callSid, String officerId, String language, String topic, boolean urgent) {
        String officerLanguage = directory.officer(officerId).map(o -> o.languages().getFirst()).orElse("en");
        String spoken = officerLanguage.equals("en") || directory.language(officerLanguage).isEmpty() ? "en" : officerLanguage;
        String languageName = directory.language(language).map(l -> l.englishName()).orElse(language);
        String topicName = topic == null ? "-" : twimlText(spoken, "topic_" + topic).orElse(topic);
        String text = twimlText(spoken, urgent ? "officer_whisper_urgent" : "officer_whisper").orElseThrow()
                .replace("{language}", languageName).replace("{topic}", topicName);
        return Twiml.response()
                .add(Twiml.element("Gather").attribute("input", "dtmf").attribute("numDigits", 1).attribute("timeout", 10)
                        .attribute("action", TwimlRenderer.BASE + "/officer-accept?call=" + callSid + "&officer=" + officerId)
                        .attribute("method", "POST").add(twiml.sentence(spoken, text)))
                .add(Twiml.redirect(TwimlRenderer.BASE + "/officer-accept?call=" + callSid + "&officer=" + officerId + "&silence=true"))
                .toXml();
    }

    /** The officer pressed a key (or nothing): 1 takes the caller, unless someone else already did. */
    public String accept(TwilioRequest request, String callSid, String officerId, String path) {
        return calls.answerOnce(callSid, request, path, session -> {
            Twiml response = Twiml.response();
            if (!"1".equals(request.digits()) || "true".equals(request.param("silence"))) {
                routing.noAnswer(callSid, officerId, "declined");
                return new CallSessions.Answer(session, response.add(Twiml.hangup()).toXml());
            }
            {
                Router.Outcome outcome = routing.answered(callSid, officerId);
                boolean taken = outcome.events().stream().anyMatch(e -> e instanceof RoutingEvent.ContactAnswered a && a.contactId().equals(callSid));
                if (!taken) {
                    String language = directory.officer(officerId).map(o -> o.languages().getFirst()).orElse("en");
                    response.add(twiml.sentence(language, twimlText(language, "caller_gone").orElseThrow()));
                    return new CallSessions.Answer(session, response.add(Twiml.hangup()).toXml());
                }
                // the officer's own call, for moving it into a conference when an interpreter joins
                if (request.callSid() != null) {
                    store.put(TwilioInterpreterLine.officerLegKey(callSid), request.callSid(), OFFICER_LEG_KEPT);
                }
                response.add(Twiml.element("Dial").add(Twiml.element("Queue").text(TwilioCallService.queueName(callSid))));
                return new CallSessions.Answer(session.answeredBy(officerId, clock.instant()), response.toXml());
            }
        });
    }

    /** The officer's call ended or never connected. */
    public void status(TwilioRequest request, String callSid, String officerId, String path) {
        calls.answerOnce(callSid, request, path, session -> {
            String status = String.valueOf(request.get("CallStatus"));
            boolean connected = officerId.equals(session.officerId());
            if (connected && status.equals("completed")) {
                routing.ended(officerId, Channel.VOICE, session.flow().vars().get("team"),
                        Duration.ofSeconds(request.intValue("CallDuration", 0)));
            } else if (!connected) {
                routing.noAnswer(callSid, officerId, status.replace('-', ' '));
            }
            return new CallSessions.Answer(session, "");
        });
    }

    private Optional<String> twimlText(String language, String promptId) {
        return flow.prompts().find(language, promptId).map(p -> p.text()).filter(t -> !t.isEmpty());
    }
}
