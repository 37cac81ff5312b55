package org.hotline.caseconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.caseconnector.crypto.PiiCipher;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private final PiiCipher cipher = new PiiCipher(PiiCipher.newKey());

    @Test
    void shouldDecryptWhatItEncrypted() {
        String text = "Помогнете ми, I am at +359 88 000 0000 — ساعدني";
        String sealed = cipher.encrypt(text);
        assertThat(sealed).startsWith("v1:").doesNotContain("000").doesNotContain("Помогнете");
        assertThat(cipher.decrypt(sealed)).isEqualTo(text);
    }

    @Test
    void shouldGiveDifferentCiphertextsWhenSameTextIsEncryptedTwice() {
        assertThat(cipher.encrypt("+359880000000")).isNotEqualTo(cipher.encrypt("+359880000000"));
    }

    @Test
    void shouldRefuseWhenCiphertextWasTamperedWith() {
        String sealed = cipher.encrypt("hello");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseWhenKeyIsAnotherOne() {
        String sealed = cipher.encrypt("hello");
        assertThatThrownBy(() -> new PiiCipher(PiiCipher.newKey()).decrypt(sealed))
                .hasMessageContaining("does not match the key");
    }

    @Test
    void shouldHashTheSameIdentifierTheSameWayWithTheSameKey() {
        byte[] key = PiiCipher.newKey();
        String a = new PiiCipher(key).lookupHash("+359880000001");
        assertThat(new PiiCipher(key).lookupHash("+359880000001")).isEqualTo(a);
        assertThat(new PiiCipher(key).lookupHash("+359880000002")).isNotEqualTo(a);
        assertThat(new PiiCipher(PiiCipher.newKey()).lookupHash("+359880000001")).isNotEqualTo(a);
        assertThat(a).doesNotContain("359880000001").hasSize(40);
    }

    @Test
    void shouldRefuseKeysOfTheWrongSize() {
        assertThatThrownBy(() -> PiiCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PiiCipher.fromBase64("not base64 !!")).hasMessageContaining("Base64");
    }
}
