package org.hotline.gateway.calllog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hotline.gateway.channel.ContactChannel;

/**
 * One call or conversation, on the channel it really came on: who handled it, how long it waited
 * and talked, how it ended. The contact
 * (a number or a messenger id) is kept for the case store and is encrypted wherever it is stored;
 * listings show it masked.
 *
 * @param path        the flow nodes visited, in order
 * @param referralIds the referrals the session produced
 * @param closing     what the officer recorded when closing it ({@code resolved}, {@code referred}, …), or null
 * @param providerRef the provider's own name for the contact, to find it in the provider's logs (Asterisk's
 *                    unique id and channel; Twilio's CallSid is the id itself), or null; never a key
 * @param notes       what the officer wrote on the call screen during the call or its wrap-up, or null
 * @param interpreters the interpreters who joined the call, each with their time on it with the caller
 */
public record CallRecord(String id, ContactChannel channel, String contact, String language, String topic, String team,
                         List<String> path, Instant startedAt, Instant endedAt, Duration queueWait, String officerId,
                         Duration talkTime, CallOutcome outcome, List<String> referralIds, String closing, String providerRef,
                         String notes, List<InterpreterTime> interpreters) {

    /** An interpreter's time on a call: what the organisation pays and counts, per language. */
    public record InterpreterTime(String interpreterId, String language, Instant joinedAt, Duration time) {}

    /** A record without interpreters. */
    public CallRecord(String id, ContactChannel channel, String contact, String language, String topic, String team,
                      List<String> path, Instant startedAt, Instant endedAt, Duration queueWait, String officerId,
                      Duration talkTime, CallOutcome outcome, List<String> referralIds, String closing, String providerRef,
                      String notes) {
        this(id, channel, contact, language, topic, team, path, startedAt, endedAt, queueWait, officerId, talkTime, outcome,
                referralIds, closing, providerRef, notes, List.of());
    }

    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("a call cannot end before it starts");
        }
        path = path == null ? List.of() : List.copyOf(path);
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
        queueWait = queueWait == null ? Duration.ZERO : queueWait;
        talkTime = talkTime == null ? Duration.ZERO : talkTime;
        interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
    }

    /** The same record with the officer's notes: a newer version of it in the call log. */
    public CallRecord withNotes(String newNotes) {
        return new CallRecord(id, channel, contact, language, topic, team, path, startedAt, endedAt, queueWait, officerId, talkTime,
                outcome, referralIds, closing, providerRef, newNotes, interpreters);
    }

    /** The same record with the interpreters who joined the call. */
    public CallRecord withInterpreters(List<InterpreterTime> times) {
        return new CallRecord(id, channel, contact, language, topic, team, path, startedAt, endedAt, queueWait, officerId, talkTime,
                outcome, referralIds, closing, providerRef, notes, times);
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
