package org.hotline.gateway.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded default's data directory (the case database, the PII key, the streams) is readable
 * by the gateway's own user only: the directory is made {@code 0700} before anything opens a file
 * in it (an environment post-processor, run once the configuration is read), and every file in it
 * {@code 0600} once the gateway is up (the database files are created during start-up).
 */
public class DataDirectory implements EnvironmentPostProcessor, ApplicationListener<ApplicationReadyEvent>, Ordered {

    static final String PROPERTY = "hotline.state.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ownerOnly(Path.of(environment.getProperty(PROPERTY, "./data")), true);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ownerOnly(Path.of(event.getApplicationContext().getEnvironment().getProperty(PROPERTY, "./data")), true);
    }

    /** After the configuration files are read (they name the directory). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The directory {@code 0700} (created if missing), and with {@code files} every file below it {@code 0600}. */
    static void ownerOnly(Path dir, boolean files) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (files) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.toList()) {
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dir + " owner-only", e);
        }
    }
}
