package org.hotline.gateway.state;

import java.time.Duration;

/** Remembers that something (a provider message id, a webhook) was seen, so retries are processed once. */
public interface DedupeStore {

    /** True the first time {@code key} is marked within {@code ttl}; false for every repeat. */
    boolean markFirst(String key, Duration ttl);

    /** Forgets a mark, so that work which failed before it took effect can be processed again. */
    void unmark(String key);
}
