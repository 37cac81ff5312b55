package org.hotline.caseconnector.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data (numbers, names, message text) before it reaches a store, with AES-256-GCM
 * from the JDK, and derives the keyed hash used to look contacts up without storing their number.
 * Both keys are derived from one 32-byte master key ({@code HOTLINE_PII_KEY}).
 *
 * <p>Ciphertext format: {@code v2:} + Base64(12-byte nonce || ciphertext+tag), sealed with the
 * record it belongs to as associated data ({@code context}: e.g. {@code referral:<id>:contact}), so a
 * ciphertext copied into another record or field does not decrypt. {@code v1:} (no associated data)
 * is still read, so data written before stays readable.
 */
public final class PiiCipher implements org.hotline.caseconnector.store.FieldCipher {

    private static final String PREFIX = "v2:";
    private static final String LEGACY_PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int POOLED = 64;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    /**
     * Ciphers and MACs are reused, not looked up per call (the provider look-up cost more than
     * sealing a session). A pool, not thread-locals: requests run on virtual threads, each new.
     * Each use initialises the object afresh (a new nonce for every encryption).
     */
    private final java.util.concurrent.BlockingQueue<Sealer> sealers = new java.util.concurrent.ArrayBlockingQueue<>(POOLED);
    private final java.util.concurrent.BlockingQueue<Mac> macs = new java.util.concurrent.ArrayBlockingQueue<>(POOLED);

    public PiiCipher(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the PII key must be 32 bytes (Base64 of 32 random bytes), got " + masterKey.length);
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "hotline-pii-encryption-v1"), "AES");
        this.lookupKey = new SecretKeySpec(derive(masterKey, "hotline-contact-lookup-v1"), "HmacSHA256");
    }

    /** Reads a key written as Base64 (standard or URL-safe). */
    public static PiiCipher fromBase64(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(key.trim().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PII key is not valid Base64");
        }
        return new PiiCipher(bytes);
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The context of an entry of a stream (the outbox, the call log): the stream and the entry's type. */
    public static String streamContext(String stream, String type) {
        return "stream:" + stream + ":" + type;
    }

    /** Encrypts {@code plaintext} for the record and field named by {@code context}. */
    @Override
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
            Sealer sealer = sealer();
            byte[] out;
            try {
                // the nonce, then the sealed text with its tag, in one array: no copy of either
                out = new byte[NONCE_BYTES + input.length + TAG_BITS / 8];
                sealer.nextNonce(out);
                Cipher cipher = sealer.cipher;
                cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, out, 0, NONCE_BYTES));
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                cipher.doFinal(input, 0, input.length, out, NONCE_BYTES);
            } finally {
                give(sealers, sealer);
            }
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts a value encrypted for {@code context}; a value of another record or field is refused. */
    @Override
    public String decrypt(String ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        boolean legacy = ciphertext.startsWith(LEGACY_PREFIX);
        if (!legacy && !ciphertext.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a ciphertext of this gateway");
        }
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            Sealer sealer = sealer();
            try {
                Cipher cipher = sealer.cipher;
                cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
                if (!legacy) {
                    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                }
                byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
                return new String(plain, StandardCharsets.UTF_8);
            } finally {
                give(sealers, sealer);
            }
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("ciphertext does not match the key or its record (was HOTLINE_PII_KEY changed, or the value moved?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * A stable, keyed hash of an identifier (a phone number in E.164, a Viber user id): lets us find
     * a returning contact without the number ever being a key in a store.
     */
    public String lookupHash(String identifier) {
        try {
            Mac mac = macs.poll();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(lookupKey);
            }
            try {
                byte[] digest = mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest, 0, 20);
            } finally {
                give(macs, mac);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Sealer sealer() throws GeneralSecurityException {
        Sealer sealer = sealers.poll();
        return sealer != null ? sealer : new Sealer(Cipher.getInstance("AES/GCM/NoPadding"));
    }

    /**
     * A pooled cipher and the random nonces it will use, drawn from the system's secure random
     * source a few dozen at a time: each draw takes that source's lock and reads the kernel's
     * random device, and one per sealed value cost a session write more than the sealing. Every
     * nonce is still fresh random bytes, used once.
     */
    private static final class Sealer {
        private static final int NONCES = 32;
        final Cipher cipher;
        private final byte[] nonces = new byte[NONCES * NONCE_BYTES];
        private int next = nonces.length;
        private boolean used;

        Sealer(Cipher cipher) {
            this.cipher = cipher;
        }

        /** Writes the next unused nonce at the start of {@code out}. */
        void nextNonce(byte[] out) {
            if (next == nonces.length) {
                if (!used) {
                    // a new sealer may be dropped after this use (the pool is full when many seal at
                    // once): one nonce is all it is sure to need; it draws a batch when used again
                    used = true;
                    byte[] one = new byte[NONCE_BYTES];
                    RANDOM.nextBytes(one);
                    System.arraycopy(one, 0, out, 0, NONCE_BYTES);
                    return;
                }
                RANDOM.nextBytes(nonces);
                next = 0;
            }
            System.arraycopy(nonces, next, out, 0, NONCE_BYTES);
            next += NONCE_BYTES;
        }
    }

    /** Back to the pool once its work is done (a failed doFinal leaves it reusable: every use begins with init). */
    private static <T> void give(java.util.concurrent.BlockingQueue<T> pool, T item) {
        pool.offer(item); // a full pool drops it
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
