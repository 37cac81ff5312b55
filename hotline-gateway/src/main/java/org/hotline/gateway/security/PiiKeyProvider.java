package org.hotline.gateway.security;

import org.hotline.caseconnector.crypto.PiiCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.hotline.gateway.state.StateSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the PII key comes from: {@code HOTLINE_PII_KEY} when set; otherwise, on the embedded
 * in-memory store only, a key file created once in the data directory and readable by its owner
 * alone. Shared stores (Redis) refuse to start without the variable: every instance must hold the
 * same key, and a key on one machine's disk is not that.
 */
final class PiiKeyProvider {

    private static final Logger log = LoggerFactory.getLogger(PiiKeyProvider.class);

    private PiiKeyProvider() {}

    static PiiCipher cipher(PiiSettings pii, StateSettings state) {
        if (pii.hasKey()) {
            return PiiCipher.fromBase64(pii.key());
        }
        if (state.store() != StateSettings.StoreKind.MEMORY) {
            throw new IllegalStateException("HOTLINE_PII_KEY must be set when HOTLINE_STORE=" + state.store().name().toLowerCase()
                    + ": every instance needs the same key (make one with: openssl rand -base64 32)");
        }
        Path file = state.dataDir().resolve("pii.key");
        log.warn("HOTLINE_PII_KEY is not set: using the key file {} of this machine. Production must set HOTLINE_PII_KEY.",
                file.toAbsolutePath());
        return PiiCipher.fromBase64(readOrCreate(file));
    }

    private static String readOrCreate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(PiiCipher.newKey()), StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // created on an earlier start: keep it, or everything encrypted with it is lost
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the PII key file " + file, e);
        }
    }
}
