package org.hotline.caseconnector.store;

/**
 * Encrypts personal fields (numbers, answers) before a store keeps them; the gateway provides its PII
 * cipher. {@code context} names the record and field (e.g. {@code referral:<id>:contact}): a value
 * decrypts only in the place it was written for.
 */
public interface FieldCipher {

    String encrypt(String plaintext, String context);

    String decrypt(String ciphertext, String context);
}
