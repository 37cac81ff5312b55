package org.hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotline.gateway.testing.MovableClock;
import org.junit.jupiter.api.Test;

/** The growing delay and the lock, on a clock the test moves. */
class SignInThrottleTest {

    static final SignInThrottle.Policy USER = new SignInThrottle.Policy(3, 10, Duration.ofMinutes(1), Duration.ofMinutes(15));
    static final SignInThrottle.Policy ADDRESS = new SignInThrottle.Policy(20, 100, Duration.ofMinutes(1), Duration.ofMinutes(15));

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
    final SignInThrottle throttle = new SignInThrottle(USER, ADDRESS, clock);

    @Test
    void shouldLetTheFirstFailuresBeAndThenMakeEachAttemptWaitLonger() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor("olga", "10.0.0.5")).isZero();
            throttle.failed("olga", "10.0.0.5");
        }
        assertThat(throttle.waitFor("olga", "10.0.0.5")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("olga", "10.0.0.5");
        assertThat(throttle.waitFor("olga", "10.0.0.5")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("olga", "10.0.0.5");
        assertThat(throttle.waitFor("olga", "10.0.0.5")).isEqualTo(Duration.ofSeconds(4));
        // the user name is throttled from any address
        assertThat(throttle.waitFor("OLGA", "192.0.2.7")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void shouldLockAUserNameAfterTooManyFailuresAndForgetThemAfterTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            clock.advance(throttle.waitFor("olga", null));
            throttle.failed("olga", null);
        }
        assertThat(throttle.waitFor("olga", null)).isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("olga", null)).isZero();
        throttle.succeeded("olga");
        throttle.failed("olga", null);
        assertThat(throttle.waitFor("olga", null)).as("a fresh start after the right password").isZero();
    }

    @Test
    void shouldThrottleAnAddressThatGuessesManyUserNames() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user-" + i, "198.51.100.9");
        }
        assertThat(throttle.waitFor("someone-new", "198.51.100.9")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("someone-new", "198.51.100.10")).isZero();
        // a valid account does not unlock the address
        throttle.succeeded("user-0");
        assertThat(throttle.waitFor("someone-new", "198.51.100.9")).isEqualTo(Duration.ofSeconds(1));
    }
}
