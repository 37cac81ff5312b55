package org.hotline.gateway.interpreter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/calls/{id}/interpreter} (optional body {@code {"language": "ps"}}): the officer
 * on the call asks for an interpreter; {@code GET} the same path: where that stands.
 */
@RestController
@RequestMapping("/api/v1/calls/{callId}/interpreter")
class InterpreterController {

    private final InterpreterRequests requests;
    private final InterpreterCalls calls;
    private final SecuritySettings security;

    InterpreterController(InterpreterRequests requests, InterpreterCalls calls, SecuritySettings security) {
        this.requests = requests;
        this.calls = calls;
        this.security = security;
    }

    record Body(String language) {}

    @PostMapping
    ResponseEntity<Map<String, Object>> ask(@PathVariable String callId, @RequestBody(required = false) Body body,
                                            Authentication authentication) {
        String officer = officer(authentication);
        var outcome = requests.ask(authentication.getName(), officer, callId, body == null ? null : body.language());
        return switch (outcome) {
            case InterpreterRequests.Outcome.NotOnYourLine n ->
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "call " + callId + " is not on your line");
            case InterpreterRequests.Outcome.UnknownLanguage u ->
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "language: not one of the hotline's");
            case InterpreterRequests.Outcome.NoLine n ->
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "this call's line cannot add an interpreter");
            case InterpreterRequests.Outcome.Asked asked -> ResponseEntity.ok(answer(callId, asked));
        };
    }

    @GetMapping
    ResponseEntity<InterpreterCall> state(@PathVariable String callId, Authentication authentication) {
        String officer = officer(authentication);
        return calls.of(callId).filter(c -> officer.equals(c.officerId()))
                .map(ResponseEntity::ok).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no interpreter asked for on your call " + callId));
    }

    private static Map<String, Object> answer(String callId, InterpreterRequests.Outcome.Asked asked) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("call", callId);
        body.put("language", asked.language());
        switch (asked.result()) {
            case InterpreterCalls.Requested.Calling calling -> {
                body.put("status", "calling");
                body.put("interpreter", calling.interpreter());
            }
            case InterpreterCalls.Requested.NoneAvailable none -> {
                body.put("status", "none-available");
                body.put("message", "No interpreter for this language can be called now; the caller stays with you.");
            }
            case InterpreterCalls.Requested.AlreadyOn already -> body.put("status", already.call().stage().wireName());
        }
        return body;
    }

    private String officer(Authentication authentication) {
        String officer = SignedInUser.of(authentication, security).officerId();
        if (officer == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the officer on the call asks for an interpreter");
        }
        return officer;
    }
}
