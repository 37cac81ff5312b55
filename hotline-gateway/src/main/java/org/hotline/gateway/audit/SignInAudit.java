package org.hotline.gateway.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * A sign-in through the form is in the audit trail (failures are written where they are counted,
 * in the throttled sign-in). HTTP Basic authenticates every API call and is not written one by one.
 */
@Component
class SignInAudit {

    private final AuditTrail audit;

    SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        audit.record(authentication.getName(), "sign-in", authentication.getName(), "succeeded", "from " + address);
    }
}
