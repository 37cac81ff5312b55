package org.hotline.caseconnector.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for failures that may pass (5xx, 429, timeouts), unlimited within
 * the horizon: a case store down for a weekend delays referrals, it does not drop them.
 */
public record RetryPolicy(Duration first, Duration max, Duration horizon) {

    /**
     * How long an item must sit untouched before another worker may take it: longer than any backoff,
     * so a live worker retries its own items and only a dead worker's are taken over.
     */
    public Duration reclaimAfter() {
        return max.multipliedBy(2);
    }

    public Duration delayAfter(int failures) {
        long base = first.toMillis() << Math.min(20, Math.max(0, failures - 1));
        long capped = Math.min(max.toMillis(), base);
        // +-20% so that items failed together do not come back together
        long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, capped + jitter));
    }
}
