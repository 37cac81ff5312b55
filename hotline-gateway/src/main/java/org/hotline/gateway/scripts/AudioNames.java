package org.hotline.gateway.scripts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The file name of the audio for a sentence: stable for the same language and words, so a
 * rendering of every sentence the flows can say (prompts render) and the channels that play
 * them agree without a catalogue. Files live in {@code ivr-scripts/audio/<language>/<name>.wav}.
 */
public final class AudioNames {

    /** The tone before a message, in the prompts' folder itself (no language): {@code tone.wav}. */
    public static final String TONE = "tone";

    private AudioNames() {}

    public static String of(String language, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((language + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
