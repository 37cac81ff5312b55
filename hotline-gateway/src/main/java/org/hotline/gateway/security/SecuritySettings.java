package org.hotline.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Users of the console and API, and how sign-in and the metrics are protected. Passwords are
 * stored only as bcrypt hashes (make one with {@code htpasswd -bnBC 12 "" PASSWORD | tr -d ':'}).
 * {@code officer} links a user to the duty officer they are.
 *
 * @param metricsToken a bearer token (at least 32 characters) with which a scraper reads
 *                     {@code /actuator/prometheus} ({@code HOTLINE_METRICS_TOKEN}); without it only an
 *                     admin who signs in reads the metrics
 */
@Validated
@ConfigurationProperties("hotline.security")
public record SecuritySettings(@Valid List<User> users, @DefaultValue @Valid SignIn signIn,
                               @Pattern(regexp = "|.{32,}", message = "must be at least 32 characters") String metricsToken) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
        signIn = signIn == null ? new SignIn(3, 10, Duration.ofMinutes(1), Duration.ofMinutes(15), 20, 100) : signIn;
    }

    public record User(
            @NotBlank String username,
            @NotBlank @Pattern(regexp = "(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}", message = "must be a bcrypt hash") String passwordHash,
            @NotEmpty Set<Role> roles,
            String officer) {}

    /**
     * Failed sign-ins: per user name, {@code freeAttempts} before each attempt waits a growing delay
     * (up to {@code maxDelay}), a lock of {@code lockFor} after {@code lockAfter}; per client address
     * the same with {@code addressFreeAttempts} and {@code addressLockAfter} (an office may share one).
     */
    public record SignIn(@DefaultValue("3") @Min(1) int freeAttempts, @DefaultValue("10") @Min(2) int lockAfter,
                         @DefaultValue("1m") Duration maxDelay, @DefaultValue("15m") Duration lockFor,
                         @DefaultValue("20") @Min(1) int addressFreeAttempts, @DefaultValue("100") @Min(2) int addressLockAfter) {

        SignInThrottle.Policy perUser() {
            return new SignInThrottle.Policy(freeAttempts, lockAfter, maxDelay, lockFor);
        }

        SignInThrottle.Policy perAddress() {
            return new SignInThrottle.Policy(addressFreeAttempts, addressLockAfter, maxDelay, lockFor);
        }
    }

    public boolean hasMetricsToken() {
        return metricsToken != null && !metricsToken.isBlank();
    }
}
