package org.hotline.gateway.voice.twilio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.hotline.gateway.state.LockedSessions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Twilio call's session between webhooks: taken under the call's lock, answered once per distinct
 * webhook (a retried webhook gets the answer it got before, and nothing happens twice), and saved.
 * The caller's leg and the officer's leg both go through it.
 */
final class CallSessions {

    private static final Duration SESSION_TTL = Duration.ofHours(6);
    private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(8);

    private final LockedSessions sessions;
    private final JsonMapper json;

    CallSessions(LockedSessions sessions, JsonMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    /** What a webhook answers, and the call's session as it is after the answer (null: unchanged). */
    record Answer(VoiceSession session, String twiml) {}

    /**
     * Handles one webhook of a call under the call's lock: the lock taken and the session read in one
     * step, the session written and the lock released in one (one round trip each on Redis). The
     * session keeps its latest answers, so a repeated webhook (same fingerprint) gets the same answer
     * and changes nothing. {@code fingerprint} null: always handled (the queue's wait URL).
     */
    String handle(String callSid, String fingerprint, Function<Optional<VoiceSession>, Answer> work) {
        try (var held = sessions.lockAndGet("call:" + callSid, sessionKey(callSid), LOCK_LEASE, LOCK_WAIT)
                .orElseThrow(() -> new IllegalStateException("the call is busy with another webhook"))) {
            Optional<VoiceSession> current = held.value().map(this::read);
            if (fingerprint != null && current.isPresent() && current.get().answers().containsKey(fingerprint)) {
                return current.get().answers().get(fingerprint);
            }
            Answer answer = work.apply(current);
            if (answer.session() != null) {
                // empty answers (status callbacks) need no copy: repeating them is harmless once the session says so
                VoiceSession saved = fingerprint == null || answer.twiml().isEmpty() ? answer.session()
                        : answer.session().remembering(fingerprint, answer.twiml());
                if (!held.putAndRelease(saved.toText(), SESSION_TTL)) {
                    throw new IllegalStateException("the call's lock ran out before its session was saved");
                }
            }
            return answer.twiml();
        }
    }

    /** A session saved before the compact form (JSON) is still read: calls in progress survive an upgrade. */
    private VoiceSession read(String text) {
        return text.startsWith("{") ? json.readValue(text, VoiceSession.class) : VoiceSession.fromText(text);
    }

    /**
     * The first webhook of a call whose answer changes nothing outside the session: the session is
     * created with one write and no lock ({@link LockedSessions#putIfAbsent}). When the call already
     * has a session (Twilio retried the webhook, or a duplicate raced this one), nothing is written
     * and the answer is the one that session gave to this webhook, or {@code otherwise}'s.
     */
    String create(String callSid, String fingerprint, Answer answer, Function<VoiceSession, String> otherwise) {
        VoiceSession created = answer.session().remembering(fingerprint, answer.twiml());
        Optional<VoiceSession> there = sessions.putIfAbsent("call:" + callSid, sessionKey(callSid), created.toText(), SESSION_TTL)
                .map(this::read);
        if (there.isEmpty()) {
            return answer.twiml();
        }
        String earlier = there.get().answers().get(fingerprint);
        return earlier != null ? earlier : otherwise.apply(there.get());
    }

    String answerOnce(String callSid, TwilioRequest request, String path, Function<VoiceSession, Answer> work) {
        return handle(callSid, fingerprint(path, request),
                session -> work.apply(session.orElseThrow(() -> new TwilioCallService.UnknownCallException(callSid))));
    }

    static String fingerprint(String path, TwilioRequest request) {
        MessageDigest digest = sha256();
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(request.query()).forEach((k, v) -> digest.update((k + "=" + v + "&").getBytes(StandardCharsets.UTF_8)));
        new TreeMap<>(request.form()).forEach((k, v) -> digest.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** Looked up once: a copy of a digest costs a few words, a look-up walks the security providers. */
    private static final MessageDigest SHA_256 = newSha256();

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sessionKey(String callSid) {
        return "voice:" + callSid;
    }
}
