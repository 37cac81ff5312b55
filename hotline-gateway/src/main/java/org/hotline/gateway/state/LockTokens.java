package org.hotline.gateway.state;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock holder's token: it need only differ from every other holder's, on this instance and on
 * every other, so it is this instance's random name and a count. A random UUID per lock would take
 * the system's secure random source (a shared lock and a read of {@code /dev/urandom}) on every
 * webhook for no gain: nobody guesses a token to steal a lock; it only tells holders apart.
 */
final class LockTokens {

    private static final String INSTANCE = HexFormat.of().formatHex(randomBytes()) + "-";
    private static final AtomicLong COUNT = new AtomicLong();

    private LockTokens() {}

    static String next() {
        return INSTANCE + Long.toHexString(COUNT.incrementAndGet());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
