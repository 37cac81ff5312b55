package org.hotline.caseconnector.store;

/** Encrypts personal fields (numbers, answers) before a store keeps them; the gateway provides its PII cipher. */
public interface FieldCipher {

    String encrypt(String plaintext);

    String decrypt(String ciphertext);
}
