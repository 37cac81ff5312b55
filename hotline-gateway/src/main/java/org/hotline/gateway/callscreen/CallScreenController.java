package org.hotline.gateway.callscreen;

import java.util.Map;
import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in officer's call screen for desk phones and other clients than the console:
 * {@code GET /api/v1/call-screen} (204 when no call is on it) and {@code PUT /api/v1/call-screen/{callId}/notes}.
 */
@RestController
@RequestMapping("/api/v1/call-screen")
class CallScreenController {

    private final CallScreens screens;
    private final SecuritySettings security;
    private final AuditTrail audit;

    CallScreenController(CallScreens screens, SecuritySettings security, AuditTrail audit) {
        this.screens = screens;
        this.security = security;
        this.audit = audit;
    }

    @GetMapping
    ResponseEntity<CallScreens.View> screen(Authentication authentication) {
        return screens.of(officer(authentication)).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    record Notes(String notes) {}

    @PutMapping("/{callId}/notes")
    ResponseEntity<Map<String, String>> notes(@PathVariable String callId, @RequestBody Notes body, Authentication authentication) {
        String officer = officer(authentication);
        String notes = body.notes() == null ? "" : body.notes();
        if (notes.length() > CallScreens.MAX_NOTES) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "notes: at most " + CallScreens.MAX_NOTES + " characters");
        }
        if (!screens.saveNotes(officer, callId, notes)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "call " + callId + " is not on your screen");
        }
        audit.record(authentication.getName(), "call.notes", callId, "saved", notes.length() + " characters");
        return ResponseEntity.ok(Map.of("call", callId, "notes", "saved"));
    }

    private String officer(Authentication authentication) {
        String officer = SignedInUser.of(authentication, security).officerId();
        if (officer == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only officers have a call screen");
        }
        return officer;
    }
}
