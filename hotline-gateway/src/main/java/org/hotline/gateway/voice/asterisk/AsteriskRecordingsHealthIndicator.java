package org.hotline.gateway.voice.asterisk;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The folder Asterisk records messages into ({@code hotline.asterisk.recordings}), as health
 * ({@code asteriskRecordings}) and as an error at start-up. Asterisk creates no folders: where it is
 * missing, RECORD FILE fails (writefile) and every message is lost, so an operator must hear of it
 * before the first caller does. The gateway runs beside Asterisk and officers play the messages
 * through it, so the folder is on this machine too (or mounted here).
 */
class AsteriskRecordingsHealthIndicator extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AsteriskRecordingsHealthIndicator.class);

    private final Path folder;

    AsteriskRecordingsHealthIndicator(String recordings) {
        super("Recordings folder check failed");
        this.folder = Path.of(recordings);
        problem().ifPresent(problem -> log.error("hotline.asterisk.recordings: {}; no caller can leave a message until it is fixed", problem));
    }

    private java.util.Optional<String> problem() {
        if (!Files.isDirectory(folder)) {
            return java.util.Optional.of("the folder " + folder + " does not exist (Asterisk creates none: create it, owned by Asterisk's user)");
        }
        if (!Files.isWritable(folder)) {
            return java.util.Optional.of("the folder " + folder + " is not writable (give it to Asterisk's user and the gateway's group)");
        }
        return java.util.Optional.empty();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("folder", folder.toString());
        problem().ifPresentOrElse(problem -> builder.down().withDetail("problem", problem), builder::up);
    }
}
