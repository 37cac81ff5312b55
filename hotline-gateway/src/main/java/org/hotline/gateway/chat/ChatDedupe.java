package org.hotline.gateway.chat;

import java.time.Duration;
import org.hotline.gateway.state.DedupeStore;
import org.springframework.integration.handler.advice.AbstractRequestHandlerAdvice;
import org.springframework.messaging.Message;

/**
 * Providers retry (Viber for an hour, Twilio on a timeout): an event is marked in the state store
 * the first time (set-if-absent) and repeats are dropped. Work that fails forgets its mark, so the
 * provider's retry is processed rather than dropped.
 */
public class ChatDedupe {

    /** Longer than any provider retries. */
    static final Duration KEEP = Duration.ofDays(2);

    private final DedupeStore dedupe;

    public ChatDedupe(DedupeStore dedupe) {
        this.dedupe = dedupe;
    }

    public boolean first(ChatEvent event) {
        return event.dedupeKey() == null || dedupe.markFirst(event.dedupeKey(), KEEP);
    }

    /** Advice for the step after the dedupe: on failure, the event's mark goes. */
    public AbstractRequestHandlerAdvice forgetOnFailure() {
        return new AbstractRequestHandlerAdvice() {
            @Override
            protected Object doInvoke(ExecutionCallback callback, Object target, Message<?> message) {
                try {
                    return callback.execute();
                } catch (RuntimeException e) {
                    if (message.getPayload() instanceof ChatEvent event && event.dedupeKey() != null) {
                        dedupe.unmark(event.dedupeKey());
                    }
                    throw e;
                }
            }
        };
    }
}
