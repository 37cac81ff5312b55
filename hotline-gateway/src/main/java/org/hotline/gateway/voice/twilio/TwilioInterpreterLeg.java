package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.interpreter.InterpreterCalls;
import org.hotline.gateway.scripts.PromptRenderer;

/**
 * The interpreter's leg of a Twilio call and the conference the three meet in. The interpreter
 * picks up, hears the hotline's name and the language (in the hotline's language), and presses 1; the caller (whose hanging up
 * never ends it for the others) and the officer (whose hanging up ends it, so that caller and
 * interpreter are never left alone together) are moved into the conference; the interpreter may
 * leave and the call goes on.
 */
public class TwilioInterpreterLeg {

    private final InterpreterCalls interpreters;
    private final PromptRenderer prompts;
    private final TwimlRenderer twiml;
    /** The hotline's own language: the one interpreters work into, like the officers. */
    private final String language;

    TwilioInterpreterLeg(InterpreterCalls interpreters, PromptRenderer prompts, TwimlRenderer twiml, String language) {
        this.interpreters = interpreters;
        this.prompts = prompts;
        this.twiml = twiml;
        this.language = language;
    }

    /** What the interpreter hears on picking up: the hotline, the language, and 1 to join. */
    public String greeting(String callId, String interpreterId, String language) {
        String team = interpreters.of(callId).map(c -> c.team()).orElse(null);
        String text = prompts.interpreterRequest(this.language, team, language);
        String accept = TwimlRenderer.BASE + "/interpreter-accept?call=" + callId + "&interpreter=" + interpreterId;
        return Twiml.response()
                .add(Twiml.element("Gather").attribute("input", "dtmf").attribute("numDigits", 1).attribute("timeout", 10)
                        .attribute("action", accept).attribute("method", "POST").add(twiml.sentence(this.language, text)))
                .add(Twiml.redirect(accept + "&silence=true"))
                .toXml();
    }

    /** 1: into the conference (the caller and the officer are moved there); anything else: goodbye, the next is called. */
    public String accept(TwilioRequest request, String callId, String interpreterId) {
        Twiml response = Twiml.response();
        if (!"1".equals(request.digits()) || "true".equals(request.param("silence"))) {
            // the status callback of this hang-up calls the next interpreter
            return response.add(Twiml.hangup()).toXml();
        }
        if (!interpreters.accepted(callId, interpreterId)) {
            return response.add(twiml.sentence(language, prompts.text(language, "caller_gone", null))).add(Twiml.hangup()).toXml();
        }
        return response.add(conference(callId, false, null)).toXml();
    }

    /** The interpreter's call ended: before joining (the next is called) or after (they left). */
    public void status(String callId, String interpreterId) {
        interpreters.ended(callId, interpreterId);
    }

    /** The TwiML the caller's and the officer's calls are redirected to. */
    public String conferenceFor(String callId, String role) {
        return switch (role) {
            case "caller" -> Twiml.response().add(callerConference(callId)).toXml();
            case "officer" -> Twiml.response().add(conference(callId, true, null)).toXml();
            default -> throw new TwilioRequest.MalformedWebhookException("unknown conference role");
        };
    }

    /** The caller's side: their hanging up ends nothing for the others; the conference's end continues their flow. */
    static Twiml callerConference(String callId) {
        return conference(callId, false, TwimlRenderer.BASE + "/conference-result?call=" + callId);
    }

    private static Twiml conference(String callId, boolean endsItForAll, String action) {
        return Twiml.element("Dial").attribute("action", action)
                .add(Twiml.element("Conference").attribute("beep", "false").attribute("startConferenceOnEnter", "true")
                        .attribute("endConferenceOnExit", String.valueOf(endsItForAll)).attribute("waitUrl", "")
                        .text(TwilioInterpreterLine.conferenceName(callId)));
    }
}
