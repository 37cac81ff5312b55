package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwimlAnswer;
import org.hotline.gateway.twilio.TwilioSignatureFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.caseconnector.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Twilio Voice webhooks (signature already verified by {@link TwilioSignatureFilter}). Whatever goes
 * wrong while a call is being answered, the caller hears an apology in their language and is put
 * through to a person: never dead air, never an empty 500.
 */
@RestController
@RequestMapping(path = "/webhooks/twilio/voice", produces = MediaType.APPLICATION_XML_VALUE)
class TwilioVoiceController {

    private static final Logger log = LoggerFactory.getLogger(TwilioVoiceController.class);

    private final TwilioCallService calls;
    private final TwilioOfficerLeg officers;
    private final TwilioInterpreterLeg interpreters;
    private final PromptRenderer prompts;
    private final TwimlRenderer twiml;
    private final String fallbackNumber;
    private final String defaultLanguage;

    TwilioVoiceController(TwilioCallService calls, TwilioOfficerLeg officers, TwilioInterpreterLeg interpreters, PromptRenderer prompts, TwimlRenderer twiml, String fallbackNumber, String defaultLanguage) {
        this.calls = calls;
        this.officers = officers;
        this.interpreters = interpreters;
        this.prompts = prompts;
        this.twiml = twiml;
        this.fallbackNumber = fallbackNumber;
        this.defaultLanguage = defaultLanguage;
    }

    @PostMapping
    void incoming(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwimlAnswer.write(response, calls.incoming(twilio(request), "voice"));
    }

    @PostMapping("/gather")
    void gather(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwimlAnswer.write(response, calls.gather(twilio(request), "gather"));
    }

    @PostMapping("/record")
    void record(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwimlAnswer.write(response, calls.recorded(twilio(request), "record"));
    }

    @PostMapping("/queue-result")
    void queueResult(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwimlAnswer.write(response, calls.queueResult(twilio(request), "queue-result"));
    }

    @PostMapping("/dial-result")
    void dialResult(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwimlAnswer.write(response, calls.dialResult(twilio(request), "dial-result"));
    }

    @PostMapping("/wait")
    void waiting(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwimlAnswer.write(response, calls.waiting(twilio(request)));
    }

    @PostMapping("/status")
    ResponseEntity<Void> status(HttpServletRequest request) {
        calls.status(twilio(request), "status");
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/officer")
    void officer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioRequest twilio = twilio(request);
        TwimlAnswer.write(response, officers.whisper(twilio.param("call"), twilio.param("officer"), twilio.param("language"), twilio.param("topic"),
                "true".equals(twilio.param("urgent"))));
    }

    @PostMapping("/officer-accept")
    void officerAccept(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioRequest twilio = twilio(request);
        TwimlAnswer.write(response, officers.accept(twilio, required(twilio, "call"), required(twilio, "officer"), "officer-accept"));
    }

    @PostMapping("/officer-status")
    ResponseEntity<Void> officerStatus(HttpServletRequest request) {
        TwilioRequest twilio = twilio(request);
        officers.status(twilio, required(twilio, "call"), required(twilio, "officer"), "officer-status");
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/interpreter")
    void interpreter(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioRequest twilio = twilio(request);
        TwimlAnswer.write(response, interpreters.greeting(required(twilio, "call"), required(twilio, "interpreter"), required(twilio, "language")));
    }

    @PostMapping("/interpreter-accept")
    void interpreterAccept(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioRequest twilio = twilio(request);
        TwimlAnswer.write(response, interpreters.accept(twilio, required(twilio, "call"), required(twilio, "interpreter")));
    }

    @PostMapping("/interpreter-status")
    ResponseEntity<Void> interpreterStatus(HttpServletRequest request) {
        TwilioRequest twilio = twilio(request);
        interpreters.status(required(twilio, "call"), required(twilio, "interpreter"));
        return ResponseEntity.noContent().build();
    }

    /** Where the caller's and the officer's calls are redirected when an interpreter joins. */
    @PostMapping("/conference")
    void conference(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioRequest twilio = twilio(request);
        TwimlAnswer.write(response, interpreters.conferenceFor(required(twilio, "call"), required(twilio, "role")));
    }

    /** The caller's conference ended (the officer hung up): the flow goes on as after any answered call. */
    @PostMapping("/conference-result")
    void conferenceResult(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioRequest twilio = twilio(request);
        TwimlAnswer.write(response, calls.conferenceEnded(twilio, required(twilio, "call"), "conference-result"));
    }

    @ExceptionHandler(TwilioRequest.MalformedWebhookException.class)
    ResponseEntity<String> malformed(TwilioRequest.MalformedWebhookException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
    }

    /** A request that did not pass the signature check gets its refusal, never the apology's transfer. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<String> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.TEXT_PLAIN).body(e.getReason() + "\n");
    }

    /** Never dead air: apologise in the caller's language and put them through to a person. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> apologise(Exception e, HttpServletRequest request) {
        String language = request.getParameter("lang") != null ? request.getParameter("lang") : defaultLanguage;
        log.error("voice webhook {} failed; the caller hears an apology and is transferred to {}: {}",
                request.getRequestURI(), Masking.phone(fallbackNumber), e.toString());
        Twiml response = Twiml.response();
        try {
            twiml.say(response, language, "technical_error", null);
        } catch (RuntimeException unknownLanguage) {
            twiml.say(response, defaultLanguage, "technical_error", null);
        }
        if (fallbackNumber != null) {
            response.add(Twiml.element("Dial").add(Twiml.number(fallbackNumber)));
        } else {
            response.add(Twiml.hangup());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(response.toXml());
    }

    private static TwilioRequest twilio(HttpServletRequest request) {
        Map<String, String> form = TwilioSignatureFilter.verifiedForm(request);
        Map<String, String> query = new LinkedHashMap<>();
        if (request.getQueryString() != null) {
            query.putAll(TwilioSignatureFilter.parseForm(request.getQueryString()));
        }
        return new TwilioRequest(form, query);
    }

    private static String required(TwilioRequest request, String name) {
        String value = request.param(name);
        if (value == null || value.isBlank()) {
            throw new TwilioRequest.MalformedWebhookException("the URL has no " + name);
        }
        return value;
    }

}
