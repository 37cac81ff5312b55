package org.hotline.gateway.flow;

/** What a channel brings to the engine. */
public sealed interface Input {

    /** Keypad digits (voice), possibly several, e.g. a phone number. */
    record Digits(String digits) implements Input {}

    /** A typed reply (chat). */
    record Text(String text) implements Input {}

    /** The caller said nothing before the timeout. */
    record Silence() implements Input {}

    record RouteResult(RouteOutcome outcome) implements Input {}

    /** {@code recordingRef} identifies the recording at the channel (e.g. a Twilio RecordingSid); null when silent. */
    record RecordingResult(boolean recorded, String recordingRef) implements Input {}

    record Hangup() implements Input {}

    enum RouteOutcome { ANSWERED, NOBODY, TIMEOUT }
}
