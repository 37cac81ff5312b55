package org.hotline.gateway.chat;

import java.time.Duration;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.DedupeStore;

/**
 * Providers retry (Viber for an hour, Twilio on a timeout): an event is marked in the state store
 * the first time (set-if-absent) and repeats are dropped. A person's message (or Viber's chat
 * opened) is marked with the person's lock, in the step that takes it ({@link ConversationStore#withOpen});
 * other events by {@link #first}. Work that fails forgets its mark, so the provider's retry is
 * processed rather than dropped. A mark is the keyed hash of the event's key, never the key: a Viber
 * subscription event's key names the person.
 */
public class ChatDedupe {

    /** Longer than any provider retries. */
    static final Duration KEEP = Duration.ofDays(2);

    private final DedupeStore dedupe;
    private final PiiCipher cipher;

    public ChatDedupe(DedupeStore dedupe, PiiCipher cipher) {
        this.dedupe = dedupe;
        this.cipher = cipher;
    }

    public boolean first(ChatEvent event) {
        String mark = mark(event);
        return mark == null || dedupe.markFirst(mark, KEEP);
    }

    /** The event's mark in the state store; null for an event that is not deduplicated. */
    String mark(ChatEvent event) {
        if (event.dedupeKey() == null) {
            return null;
        }
        return "chat:" + cipher.lookupHash(event.dedupeKey());
    }

    /** The work after the dedupe failed: the event's mark goes, so the provider's retry is processed. */
    public void forget(ChatEvent event) {
        String mark = mark(event);
        if (mark != null) {
            dedupe.unmark(mark);
        }
    }
}
