package org.hotline.gateway.calllog;

import java.time.Duration;
import java.util.Optional;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.SessionStore;

/**
 * Remembers the language a contact last chose, so a returning caller is offered it first. The key
 * is a keyed hash of the number or messenger id: the number itself is never a key, and the value
 * (the language) is encrypted like every stored value.
 */
public class ReturningContacts {

    private static final Duration REMEMBER = Duration.ofDays(365);

    private final SessionStore store;
    private final PiiCipher cipher;

    public ReturningContacts(SessionStore store, PiiCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    public Optional<String> lastLanguage(String contactAddress) {
        return contactAddress == null ? Optional.empty() : store.get(key(contactAddress));
    }

    public void remember(String contactAddress, String language) {
        if (contactAddress != null && language != null) {
            store.put(key(contactAddress), language, REMEMBER);
        }
    }

    private String key(String contactAddress) {
        return "contact:" + cipher.lookupHash(contactAddress);
    }
}
