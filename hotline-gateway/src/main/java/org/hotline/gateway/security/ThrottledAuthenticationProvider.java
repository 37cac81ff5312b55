package org.hotline.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in (form or HTTP Basic) through the {@link SignInThrottle}: a throttled attempt is refused
 * before its password is checked (as locked); every failure is logged and counted
 * ({@code hotline_signin_failures_total}), and reaches the audit trail as Spring Security's failure event.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;
    private final MeterRegistry metrics;

    public ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle, MeterRegistry metrics) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.metrics = metrics;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Duration wait = throttle.waitFor(user, address);
        if (!wait.isZero()) {
            metrics.counter("hotline.signin.failures", "reason", "throttled").increment();
            throw new LockedException("too many failed sign-ins: try again in " + Math.max(1, wait.toSeconds()) + " s");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(user);
            return result;
        } catch (AuthenticationException e) {
            int inARow = throttle.failed(user, address);
            metrics.counter("hotline.signin.failures", "reason", "bad_credentials").increment();
            log.warn("sign-in failed for user '{}' from {} ({} in a row)", user, address, inARow);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
