package org.hotline.gateway.calllog;

import java.time.Duration;
import java.util.Optional;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.SessionStore;

/**
 * Remembers the language a contact last chose, for flows that offer it first. The key is a keyed
 * hash of the number or messenger id: the number itself is never a key, and the value (the language)
 * is encrypted like every stored value. Kept for {@code retention}
 * ({@code hotline.privacy.returning-contacts-retention}); zero keeps nothing, and nobody is ever
 * "returning".
 */
public class ReturningContacts {

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

    private String key(String contactAddress) {
        return "contact:" + cipher.lookupHash(contactAddress);
    }
}
