package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link LockedSessions} from a lock manager, a session store, a dedupe store and a stream store, for
 * stores without scripts (the embedded default): an event is marked, the lock taken and the values
 * read in turn; the writes are made in turn, then the lock is released.
 */
public final class LockingSessions implements LockedSessions {

    /**
     * {@link #putIfAbsent}'s own lock, held for one read and one write: bounds for a stalled store,
     * as long as a webhook may wait (Twilio gives up after 15 seconds).
     */
    private static final Duration CREATE_LEASE = Duration.ofSeconds(10);
    private static final Duration CREATE_WAIT = Duration.ofSeconds(8);

    private final SessionStore store;
    private final LockManager locks;
    private final StreamStore streams;
    private final DedupeStore dedupe;

    public LockingSessions(SessionStore store, LockManager locks, StreamStore streams, DedupeStore dedupe) {
        this.store = store;
        this.locks = locks;
        this.streams = streams;
        this.dedupe = dedupe;
    }

    @Override
    public Optional<String> putIfAbsent(String lock, String key, String value, Duration ttl) {
        try (var held = lockAndGet(lock, key, CREATE_LEASE, CREATE_WAIT)
                .orElseThrow(() -> new IllegalStateException("the session's lock was not free"))) {
            if (held.value().isPresent()) {
                return held.value();
            }
            held.putAndRelease(value, ttl);
            return Optional.empty();
        }
    }

    @Override
    public Optional<Held> lockAndGet(String lock, List<String> keys, Duration lease, Duration wait) {
        return locks.tryLock(lock, lease, wait).map(taken -> read(taken, keys));
    }

    /** Marked first, so a repeat is answered while the lock is held; a mark whose lock stayed busy goes again. */
    @Override
    public Optional<FirstSighting> lockAndGetIfFirst(String lock, List<String> keys, String seen, Duration keep, Duration lease,
                                                     Duration wait) {
        if (!dedupe.markFirst(seen, keep)) {
            return Optional.of(FirstSighting.SEEN_BEFORE);
        }
        Optional<LockManager.HeldLock> taken;
        try {
            taken = locks.tryLock(lock, lease, wait);
        } catch (RuntimeException storeDown) {
            dedupe.unmark(seen);
            throw storeDown;
        }
        if (taken.isEmpty()) {
            dedupe.unmark(seen);
            return Optional.empty();
        }
        return Optional.of(new FirstSighting(read(taken.get(), keys)));
    }

    private Held read(LockManager.HeldLock held, List<String> keys) {
        List<Optional<String>> stored;
        try {
            stored = keys.stream().map(store::get).toList();
        } catch (RuntimeException storeDown) {
            // a read that failed must not leave the lock held until its lease runs out
            held.close();
            throw storeDown;
        }
        return new Held() {
            private boolean released;

            @Override
            public List<Optional<String>> values() {
                return stored;
            }

            @Override
            public boolean putAndRelease(String newValue, Duration ttl) {
                return writeAndRelease(StateWrite.put(keys.getFirst(), newValue, ttl));
            }

            @Override
            public boolean write(StateWrite write) {
                store.putAll(write.values(), write.ttl());
                write.removals().forEach(store::remove);
                write.appends().forEach(a -> streams.append(a.stream(), a.type(), a.payload()));
                return true;
            }

            @Override
            public boolean writeAndRelease(StateWrite write) {
                try {
                    return write(write);
                } finally {
                    close();
                }
            }

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    held.close();
                }
            }
        };
    }
}
