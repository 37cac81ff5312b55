package org.hotline.gateway.voice.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.Endpoint;
import java.net.URI;
import java.time.Duration;
import org.hotline.gateway.config.HotlineConfig.Interpreter;
import org.hotline.gateway.interpreter.InterpreterLine;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.twilio.TwilioSettings;

/**
 * Interpreters on Twilio calls. The interpreter is called through the Calls API and, on pressing 1,
 * dials into a {@code <Conference>} named for the caller's call; only then are the caller's call and
 * the officer's call redirected there (Calls API updates with a new TwiML URL), so a caller is never
 * moved for an interpreter who does not come.
 *
 * @see <a href="https://www.twilio.com/docs/voice/api/call-resource#update-a-call-resource">Update a Call</a>
 */
public class TwilioInterpreterLine implements InterpreterLine {

    static final String NAME = "twilio";

    private final TwilioRestClient client;
    private final TwilioSettings settings;
    private final SessionStore store;
    private final String publicBaseUrl;

    public TwilioInterpreterLine(TwilioRestClient client, TwilioSettings settings, SessionStore store, String publicBaseUrl) {
        this.client = client;
        this.settings = settings;
        this.store = store;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/$", "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean carries(String callId) {
        return store.get(CallSessions.sessionKey(callId)).isPresent();
    }

    @Override
    public void ring(String callId, Interpreter interpreter, String language, Duration ringTimeout) {
        Endpoint to = OutboundLegs.endpoint(interpreter.reach()).orElseThrow(
                () -> new LineException("interpreter " + interpreter.id() + " has no phone or Twilio Client identity", null));
        String query = "call=" + OutboundLegs.enc(callId) + "&interpreter=" + OutboundLegs.enc(interpreter.id());
        try {
            OutboundLegs.place(client, to, settings.callerId(), url("/interpreter?" + query + "&language=" + OutboundLegs.enc(language)),
                    ringTimeout, url("/interpreter-status?" + query));
        } catch (ApiException | ApiConnectionException e) {
            throw new LineException("Twilio refused the interpreter's call: " + e.getMessage(), e);
        }
    }

    @Override
    public void join(String callId) {
        String officerLeg = store.get(officerLegKey(callId))
                .orElseThrow(() -> new LineException("the officer's leg of call " + callId + " is not known", null));
        redirect(callId, url("/conference?call=" + OutboundLegs.enc(callId) + "&role=caller"));
        redirect(officerLeg, url("/conference?call=" + OutboundLegs.enc(callId) + "&role=officer"));
    }

    private void redirect(String callSid, String twimlUrl) {
        try {
            Call.updater(callSid).setUrl(URI.create(twimlUrl)).setMethod(HttpMethod.POST).update(client);
        } catch (ApiException | ApiConnectionException e) {
            throw new LineException("Twilio refused to redirect a leg: " + e.getMessage(), e);
        }
    }

    /** The officer's call that took the caller (its own CallSid), kept while the call lasts. */
    static String officerLegKey(String callId) {
        return "twilio:officer-leg:" + callId;
    }

    static String conferenceName(String callId) {
        return "hotline-" + callId;
    }

    private String url(String path) {
        return publicBaseUrl + TwimlRenderer.BASE + path;
    }
}
