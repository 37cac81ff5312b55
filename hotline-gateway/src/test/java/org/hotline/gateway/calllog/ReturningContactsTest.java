package org.hotline.gateway.calllog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.MemorySessionStore;
import org.hotline.gateway.state.SessionStore;
import org.junit.jupiter.api.Test;

class ReturningContactsTest {

    @Test
    void shouldRememberTheLastLanguageUnderAKeyedHashOfTheNumber() {
        var keys = new java.util.ArrayList<String>();
        SessionStore memory = new MemorySessionStore(Clock.systemUTC());
        SessionStore recording = new SessionStore() {
            @Override
            public java.util.Optional<String> get(String key) {
                return memory.get(key);
            }

            @Override
            public void put(String key, String value, java.time.Duration ttl) {
                keys.add(key);
                memory.put(key, value, ttl);
            }

            @Override
            public void remove(String key) {
                memory.remove(key);
            }
        };
        ReturningContacts contacts = new ReturningContacts(recording, new PiiCipher(PiiCipher.newKey()), java.time.Duration.ofDays(30));

        contacts.remember("+359880000303", "ar");
        contacts.remember("whatsapp:+359880000303", "fa");

        assertThat(contacts.lastLanguage("+359880000303")).contains("ar");
        assertThat(contacts.lastLanguage("whatsapp:+359880000303")).contains("fa");
        assertThat(contacts.lastLanguage("+359880000404")).isEmpty();
        assertThat(contacts.lastLanguage(null)).isEmpty();
        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k).startsWith("contact:").doesNotContain("880000303"));
    }

    @org.junit.jupiter.api.Test
    void shouldKeepNothingWhenRetentionIsZero() {
        SessionStore nothingKept = new SessionStore() {
            @Override
            public java.util.Optional<String> get(String key) {
                throw new AssertionError("nothing is looked up when nothing is kept");
            }

            @Override
            public void put(String key, String value, java.time.Duration ttl) {
                throw new AssertionError("remembered " + key + " with retention 0");
            }

            @Override
            public void remove(String key) {
            }
        };
        ReturningContacts contacts = new ReturningContacts(nothingKept, new PiiCipher(PiiCipher.newKey()), java.time.Duration.ZERO);

        contacts.remember("+359880000304", "ar");

        assertThat(contacts.lastLanguage("+359880000304")).isEmpty();
    }
}
