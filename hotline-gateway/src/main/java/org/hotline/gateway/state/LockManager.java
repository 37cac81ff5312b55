package org.hotline.gateway.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Locks shared by every gateway instance. A lock expires after its lease so that a crashed holder
 * cannot block others forever; work under a lock must finish well inside the lease.
 */
public interface LockManager {

    /** Takes the lock, waiting up to {@code wait}; empty if another holder kept it all that time. */
    Optional<HeldLock> tryLock(String name, Duration lease, Duration wait);

    interface HeldLock extends AutoCloseable {
        /** Releases the lock if this holder still has it; a lock whose lease ran out is left alone. */
        @Override
        void close();
    }
}
