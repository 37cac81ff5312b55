package org.hotline.caseconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private final byte[] key = PiiCipher.newKey();
    private final PiiCipher cipher = new PiiCipher(key);

    @Test
    void shouldDecryptWhatItEncrypted() {
        String text = "Помогнете ми, I am at +359 88 000 0000 — ساعدني";
        String sealed = cipher.encrypt(text, "referral:CA1:contact");
        assertThat(sealed).startsWith("v2:").doesNotContain("000").doesNotContain("Помогнете");
        assertThat(cipher.decrypt(sealed, "referral:CA1:contact")).isEqualTo(text);
    }

    @Test
    void shouldRefuseCiphertextMovedToAnotherRecordOrField() {
        String sealed = cipher.encrypt("+359880000001", "referral:CA1:contact");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "referral:CA2:contact")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its record");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "referral:CA1:callback")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStillReadVersionOneCiphertextsWrittenBeforeRecordsWereBound() throws Exception {
        // v1 as the gateway wrote it until now: AES-GCM without associated data, under the derived key
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] aesKey = mac.doFinal("hotline-pii-encryption-v1".getBytes(StandardCharsets.UTF_8));
        byte[] nonce = new byte[12];
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = aes.doFinal("old data".getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        assertThat(cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(out), "anything")).isEqualTo("old data");
    }

    @Test
    void shouldGiveDifferentCiphertextsWhenSameTextIsEncryptedTwice() {
        assertThat(cipher.encrypt("+359880000000", "c")).isNotEqualTo(cipher.encrypt("+359880000000", "c"));
    }

    @Test
    void shouldNeverSealTwoValuesWithOneNonceAcrossThreadsAndBatchesOfNonces() throws Exception {
        // nonces are drawn in batches per pooled cipher: several threads, many batches each
        java.util.Set<String> nonces = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger sealed = new java.util.concurrent.atomic.AtomicInteger();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String value = cipher.encrypt("+35988000" + i, "c");
                        byte[] bytes = Base64.getDecoder().decode(value.substring(3));
                        nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 12)));
                        assertThat(cipher.decrypt(value, "c")).isEqualTo("+35988000" + i);
                        sealed.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        assertThat(sealed.get()).isEqualTo(2000);
        assertThat(nonces).hasSize(2000).doesNotContain(Base64.getEncoder().encodeToString(new byte[12]));
    }

    @Test
    void shouldRefuseWhenCiphertextWasTamperedWith() {
        String sealed = cipher.encrypt("hello", "c");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("v2:" + Base64.getEncoder().encodeToString(bytes), "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseWhenKeyIsAnotherOne() {
        String sealed = cipher.encrypt("hello", "c");
        assertThatThrownBy(() -> new PiiCipher(PiiCipher.newKey()).decrypt(sealed, "c"))
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
