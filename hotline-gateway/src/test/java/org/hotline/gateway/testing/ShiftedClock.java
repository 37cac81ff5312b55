package org.hotline.gateway.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time that runs on from a moment the test chooses (a Tuesday morning, a Saturday night): for
 * tests against a real PBX, where waits and talk are measured while they happen.
 */
public final class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    /** From now on, the time is {@code moment} and runs on from there. */
    public void shiftTo(Instant moment) {
        shift = Duration.between(Instant.now(), moment);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
