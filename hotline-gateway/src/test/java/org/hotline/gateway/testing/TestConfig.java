package org.hotline.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The shipped configuration, copied to a temporary directory so a test can break one thing in it. */
public final class TestConfig {

    private TestConfig() {}

    public static Path repositoryRoot() {
        return Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
    }

    /** A copy of {@code config/} whose hotline.yaml went through {@code edit}. */
    public static Path withHotlineYaml(UnaryOperator<String> edit) {
        try {
            Path dir = Files.createTempDirectory("hotline-config");
            Path source = repositoryRoot().resolve("config");
            Files.copy(source.resolve("application.yaml"), dir.resolve("application.yaml"));
            String yaml = Files.readString(source.resolve("hotline.yaml"));
            String edited = edit.apply(yaml);
            if (edited.equals(yaml) && edit != UnaryOperator.<String>identity()) {
                throw new IllegalArgumentException("the edit changed nothing: the shipped hotline.yaml no longer has what the test replaces");
            }
            Files.writeString(dir.resolve("hotline.yaml"), edited);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based line number of the first line of {@code file} containing {@code text}. */
    public static int lineOf(Path file, String text) {
        try {
            var lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(text + " not in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a directory tree, e.g. the shipped ivr-scripts, so a test can break a copy. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
