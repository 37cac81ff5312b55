package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A session read and written under its lock, in one round trip each way where the store can: the
 * lock is taken and the value read together, and the new value written and the lock released
 * together (Redis: one script each). A session is on every webhook's path; four round trips
 * (lock, read, write, unlock) become two.
 */
public interface LockedSessions {

    /** Takes {@code lock} and reads {@code key}, waiting up to {@code wait}; empty if another holder kept the lock all that time. */
    default Optional<Held> lockAndGet(String lock, String key, Duration lease, Duration wait) {
        return lockAndGet(lock, List.of(key), lease, wait);
    }

    /** Takes {@code lock} and reads every one of {@code keys} with it (Redis: one script); {@link Held#value()} is the first's. */
    Optional<Held> lockAndGet(String lock, List<String> keys, Duration lease, Duration wait);

    /**
     * {@link #lockAndGet} for an event a provider may repeat: the event's mark ({@code seen}, as
     * {@link DedupeStore#markFirst} marks it, kept {@code keep}) is set with the lock, in the same
     * step (Redis: one script, so a person's new message costs one round trip less). An event marked
     * already takes no lock and reads nothing. Empty: another holder kept the lock all the wait, and
     * the mark was not set.
     */
    Optional<FirstSighting> lockAndGetIfFirst(String lock, List<String> keys, String seen, Duration keep, Duration lease, Duration wait);

    /** What {@link #lockAndGetIfFirst} found: the lock taken, with the values, or ({@code held} null) the event seen before. */
    record FirstSighting(Held held) {

        public static final FirstSighting SEEN_BEFORE = new FirstSighting(null);

        public boolean seenBefore() {
            return held == null;
        }
    }

    /**
     * Writes {@code value} under {@code key} unless a value is there, in one step (Redis: one
     * {@code SET NX GET}), and answers the value that was there, if any. It is for the first write of
     * a session that nothing else can have started yet and whose making changed nothing outside it:
     * a second maker loses and reads the first one's. The store takes {@code lock} around it only
     * where it has no such single step.
     */
    Optional<String> putIfAbsent(String lock, String key, String value, Duration ttl);

    /** A session under its lock. Closing it releases the lock without writing. */
    interface Held extends AutoCloseable {

        /** The first key's value. */
        default Optional<String> value() {
            return values().getFirst();
        }

        /** The keys' values, in the order the keys were given. */
        List<Optional<String>> values();

        /**
         * Writes the value under the first key and releases the lock in one step; false (and nothing
         * written) when the lease ran out and the lock is no longer this holder's.
         */
        boolean putAndRelease(String value, Duration ttl);

        /**
         * Makes the writes in one step, keeping the lock (for effects that must follow the save and
         * precede the release); false (and nothing written) when the lease ran out.
         */
        boolean write(StateWrite write);

        /** Makes the writes and releases the lock in one step; false (and nothing written) when the lease ran out. */
        boolean writeAndRelease(StateWrite write);

        @Override
        void close();
    }
}
