package org.hotline.gateway.audit;

import java.time.Instant;
import java.util.List;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/audit?actor=&action=&subject=&outcome=&since=&limit=}: the audit trail, for supervisors. */
@RestController
class AuditController {

    private final AuditTrail trail;
    private final SecuritySettings security;

    AuditController(AuditTrail trail, SecuritySettings security) {
        this.trail = trail;
        this.security = security;
    }

    @GetMapping("/api/v1/audit")
    List<AuditTrail.Entry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                 @RequestParam(required = false) String subject, @RequestParam(required = false) String outcome,
                                 @RequestParam(required = false) Instant since, @RequestParam(defaultValue = "200") int limit,
                                 Authentication authentication) {
        if (!SignedInUser.of(authentication, security).supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the audit trail is for supervisors");
        }
        return trail.find(e -> (actor == null || actor.equals(e.actor()))
                && (action == null || e.action().equals(action) || e.action().startsWith(action + "."))
                && (subject == null || subject.equals(e.subject()))
                && (outcome == null || outcome.equals(e.outcome()))
                && (since == null || !e.at().isBefore(since)), Math.max(1, Math.min(limit, 1000)));
    }
}
