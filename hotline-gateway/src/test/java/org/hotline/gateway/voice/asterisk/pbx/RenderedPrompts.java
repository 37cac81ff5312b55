package org.hotline.gateway.voice.asterisk.pbx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.hotline.gateway.cli.PromptsCommand;
import org.hotline.gateway.testing.TestConfig;

/**
 * The prompts a caller hears, rendered by the project's own {@code prompts render} into a sounds
 * folder for Asterisk ({@code hotline/<lang>/<name>.wav}), once for as long as the flows, prompts
 * and hotline.yaml stay the same (rendering every language takes some twenty seconds).
 */
final class RenderedPrompts {

    private RenderedPrompts() {}

    /** Asterisk's sounds folder, holding {@code hotline/}. */
    static synchronized Path soundsFolder() {
        Path root = TestConfig.repositoryRoot();
        Path sounds = root.resolve("hotline-gateway/target/pbx/sounds");
        Path stamp = sounds.resolve("rendered-from");
        String source = fingerprint(root.resolve("ivr-scripts"), root.resolve("config/hotline.yaml"));
        try {
            if (Files.exists(stamp) && Files.readString(stamp).equals(source)) {
                return sounds;
            }
            var out = new ByteArrayOutputStream();
            int exit = PromptsCommand.run(new String[] {"prompts", "render", "--out", sounds.resolve("hotline").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("prompts render failed: " + out.toString(StandardCharsets.UTF_8));
            }
            Files.writeString(stamp, source);
            return sounds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(Path... sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path source : sources) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
