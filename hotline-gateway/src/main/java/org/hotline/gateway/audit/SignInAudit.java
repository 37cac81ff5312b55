package org.hotline.gateway.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins in the audit trail: one through the form that succeeded, and every failure (a wrong
 * password, or an attempt refused by the throttle, reported as locked). HTTP Basic authenticates
 * every API call; its successes are not written one by one.
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

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        var authentication = event.getAuthentication();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        String outcome = event instanceof AuthenticationFailureLockedEvent ? "throttled" : "failed";
        audit.record(authentication.getName(), "sign-in", authentication.getName(), outcome,
                "from " + address + ": " + event.getException().getMessage());
    }
}
