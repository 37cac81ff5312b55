package org.hotline.gateway.flow;

/** What a channel brings to the engine. */
public sealed interface Input {

    /** Keypad digits (voice), possibly several, e.g. a phone number. */
    record Digits(String digits) implements Input {}

    /**
     * A typed reply (chat); {@code writtenIn}: the hotline language the channel guessed it is written
     * in, asked only at the language menu (null: no guess).
     */
    record Text(String text, String writtenIn) implements Input {
        public Text(String text) {
            this(text, null);
        }
    }

    /** The caller said nothing before the timeout. */
    record Silence() implements Input {}

    record RouteResult(RouteOutcome outcome) implements Input {}

    /** {@code recordingRef} identifies the recording at the channel (e.g. a Twilio RecordingSid); null when silent. */
    record RecordingResult(boolean recorded, String recordingRef) implements Input {}

    record Hangup() implements Input {}

    enum RouteOutcome { ANSWERED, NOBODY, TIMEOUT }
}
