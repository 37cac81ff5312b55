package org.hotline.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted per user name and per client address. After {@code freeAttempts}
 * failures in a row each further attempt must wait a growing delay (1 s, 2 s, 4 s, … up to
 * {@code maxDelay}); after {@code lockAfter} the key is locked for {@code lockFor}. A refused attempt
 * is refused before the password is checked, so guessing costs the gateway no bcrypt either. A
 * client address gets more room than a user name, since an office of officers may share one.
 */
public class SignInThrottle {

    /** How long a quiet key is remembered; also what keeps the maps small. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    public record Policy(int freeAttempts, int lockAfter, Duration maxDelay, Duration lockFor) {}

    private record Failures(int count, Instant last) {}

    private final Policy perUser;
    private final Policy perAddress;
    private final Clock clock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(Policy perUser, Policy perAddress, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** How long this attempt must still wait; zero when it may be checked now. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(users.get(key(username)), perUser, now);
        Duration client = address == null ? Duration.ZERO : remaining(addresses.get(address), perAddress, now);
        return user.compareTo(client) >= 0 ? user : client;
    }

    /** A wrong password (or unknown user); returns how many failures in a row the user name now has. */
    public int failed(String username, String address) {
        Instant now = clock.instant();
        forgetOld(now);
        Failures user = users.merge(key(username), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        if (address != null) {
            addresses.merge(address, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
        return user.count();
    }

    /** A right password: the user name starts afresh (the address does not: one valid account must not unlock guessing). */
    public void succeeded(String username) {
        users.remove(key(username));
    }

    private static Duration remaining(Failures failures, Policy policy, Instant now) {
        if (failures == null || failures.count() < policy.freeAttempts()) {
            return Duration.ZERO;
        }
        Duration wait;
        if (failures.count() >= policy.lockAfter()) {
            wait = policy.lockFor();
        } else {
            int steps = failures.count() - policy.freeAttempts();
            long seconds = steps >= 30 ? Long.MAX_VALUE : 1L << steps;
            wait = seconds > policy.maxDelay().toSeconds() ? policy.maxDelay() : Duration.ofSeconds(seconds);
        }
        Duration left = Duration.between(now, failures.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void forgetOld(Instant now) {
        if (users.size() + addresses.size() < MAX_KEYS) {
            return;
        }
        Instant cutoff = now.minus(FORGET_AFTER);
        users.values().removeIf(f -> f.last().isBefore(cutoff));
        addresses.values().removeIf(f -> f.last().isBefore(cutoff));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
    }
}
