package org.hotline.gateway.calllog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.SessionStore;

/**
 * Remembers, of a contact, the language they last chose (for flows that offer it first) and how
 * often they reached the hotline before and how the last contact ended (for the officer's screen).
 * The key is a keyed hash of the number or messenger id: the number itself is never a key, and the
 * values are encrypted like every stored value. Kept for {@code retention}
 * ({@code hotline.privacy.returning-contacts-retention}); zero keeps nothing, and nobody is ever
 * "returning".
 */
public class ReturningContacts {

    /** The contacts before this one, as far as they are kept: how many, and the last one's outcome and end. */
    public record History(int contacts, String lastOutcome, Instant lastEndedAt) {}

    private final SessionStore store;
    private final PiiCipher cipher;
    private final Duration retention;

    public ReturningContacts(SessionStore store, PiiCipher cipher, Duration retention) {
        this.store = store;
        this.cipher = cipher;
        this.retention = retention;
    }

    public Optional<String> lastLanguage(String contactAddress) {
        return contactAddress == null || retention.isZero() ? Optional.empty() : store.get(key(contactAddress));
    }

    public void remember(String contactAddress, String language) {
        if (contactAddress != null && language != null && !retention.isZero()) {
            store.put(key(contactAddress), language, retention);
        }
    }

    /** The earlier contacts of this person, empty when none are kept (or the person has no address). */
    public Optional<History> history(String contactAddress) {
        if (contactAddress == null || retention.isZero()) {
            return Optional.empty();
        }
        return store.get(historyKey(contactAddress)).map(text -> {
            String[] parts = text.split("\\|", 3);
            return new History(Integer.parseInt(parts[0]), parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
        });
    }

    /** One more contact of this person ended, with this outcome. */
    public void count(String contactAddress, CallOutcome outcome, Instant endedAt) {
        if (contactAddress == null || retention.isZero()) {
            return;
        }
        int before = history(contactAddress).map(History::contacts).orElse(0);
        store.put(historyKey(contactAddress), (before + 1) + "|" + outcome.wireName() + "|" + endedAt.getEpochSecond(), retention);
    }

    private String key(String contactAddress) {
        return "contact:" + cipher.lookupHash(contactAddress);
    }

    private String historyKey(String contactAddress) {
        return "contact-history:" + cipher.lookupHash(contactAddress);
    }
}
