package org.hotline.gateway.security;

import org.hotline.caseconnector.crypto.PiiCipher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.hotline.gateway.state.StateSettings;
import org.hotline.gateway.state.StateSettings.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiKeyProviderTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldCreateOwnerOnlyKeyFileOnceWhenEmbeddedAndNoKeyIsSet() throws Exception {
        PiiCipher first = PiiKeyProvider.cipher(new PiiSettings(""), new StateSettings(StoreKind.MEMORY, dataDir));
        Path file = dataDir.resolve("pii.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String key = Files.readString(file);

        PiiCipher second = PiiKeyProvider.cipher(new PiiSettings(null), new StateSettings(StoreKind.MEMORY, dataDir));
        assertThat(Files.readString(file)).isEqualTo(key);
        assertThat(second.decrypt(first.encrypt("same key across restarts", "t"), "t")).isEqualTo("same key across restarts");
    }

    @Test
    void shouldUseTheVariableWhenSet() {
        String key = Base64.getEncoder().encodeToString(PiiCipher.newKey());
        PiiCipher cipher = PiiKeyProvider.cipher(new PiiSettings(key), new StateSettings(StoreKind.REDIS, dataDir));
        assertThat(PiiCipher.fromBase64(key).decrypt(cipher.encrypt("x", "t"), "t")).isEqualTo("x");
        assertThat(dataDir.resolve("pii.key")).doesNotExist();
    }

    @Test
    void shouldRefuseWhenRedisAndNoKeyIsSet() {
        assertThatThrownBy(() -> PiiKeyProvider.cipher(new PiiSettings(" "), new StateSettings(StoreKind.REDIS, dataDir)))
                .hasMessageContaining("HOTLINE_PII_KEY must be set");
    }
}
