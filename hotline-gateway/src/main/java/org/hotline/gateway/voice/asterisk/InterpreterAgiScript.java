package org.hotline.gateway.voice.asterisk;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.gateway.interpreter.InterpreterCall;
import org.hotline.gateway.interpreter.InterpreterCalls;
import org.hotline.gateway.scripts.AudioNames;
import org.hotline.gateway.scripts.PromptRenderer;

/**
 * The interpreter's side of an Asterisk call ({@code agi://…/hotline-interpreter}, from the
 * {@code hotline-interpreter} context the gateway's Originate runs): they hear the hotline and the
 * language and press 1; then the caller and the officer are moved into the call's conference and
 * HOTLINE_JOIN=yes tells the dialplan to put the interpreter there too. Anything else, or hanging
 * up, makes way for the next interpreter.
 */
public class InterpreterAgiScript implements AgiScript {

    private static final String ANY_KEY = "0123456789*#";
    private static final int WAIT_FOR_KEY_MS = 10_000;

    private final InterpreterCalls interpreters;
    private final PromptRenderer prompts;
    private final AsteriskSettings settings;
    private final String language;

    /** {@code language}: the hotline's own, which interpreters hear (like the officers). */
    public InterpreterAgiScript(InterpreterCalls interpreters, PromptRenderer prompts, AsteriskSettings settings, String language) {
        this.interpreters = interpreters;
        this.prompts = prompts;
        this.settings = settings;
        this.language = language;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = channel.getVariable("HOTLINE_CALL");
        String interpreterId = channel.getVariable("HOTLINE_INTERPRETER");
        InterpreterCall call = callId == null ? null : interpreters.of(callId).orElse(null);
        if (call == null || interpreterId == null || !interpreterId.equals(call.calling())) {
            // not (or no longer) the interpreter this call is waiting for
            channel.hangup();
            return;
        }
        boolean joined = false;
        try {
            String text = prompts.interpreterRequest(language, call.team(), call.language());
            char key = channel.streamFile(settings.sounds() + "/" + language + "/" + AudioNames.of(language, text), ANY_KEY);
            if (key == 0) {
                key = channel.waitForDigit(WAIT_FOR_KEY_MS);
            }
            joined = key == '1' && interpreters.accepted(callId, interpreterId);
            if (joined) {
                channel.setVariable("HOTLINE_JOIN", "yes");
            }
        } catch (AgiHangupException hungUp) {
            // they hung up while hearing the request: the next is called below
        } finally {
            if (!joined) {
                interpreters.ended(callId, interpreterId);
            }
        }
    }
}
