package org.hotline.gateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.hotline.caseconnector.privacy.Masking;
import org.hotline.gateway.state.StreamStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what to whom: callbacks placed, conversations reassigned, teams forced open or closed,
 * dead letters replayed, sign-ins. Kept in a stream of the state store (shared by every instance,
 * encrypted like every stream); details are scrubbed of numbers before they are written, so
 * supervisors can read the trail without seeing a caller's number.
 */
public class AuditTrail {

    static final String STREAM = "audit";
    /** Enough for a busy year of a hotline's sensitive actions; older entries go first. */
    static final long KEEP = 200_000;

    private final StreamStore streams;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(StreamStore streams, JsonMapper json, Clock clock) {
        this.streams = streams;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param actor   the user name (or "anonymous" with the client address for a failed sign-in)
     * @param action  what, e.g. {@code callback}, {@code conversation.reassign}, {@code sign-in}
     * @param subject what it was done to: a referral id, a conversation id, a team
     * @param outcome e.g. {@code placed}, {@code refused}, {@code failed}
     * @param detail  a short explanation; numbers in it are masked
     */
    public record Entry(Instant at, String actor, String action, String subject, String outcome, String detail) {}

    public void record(String actor, String action, String subject, String outcome, String detail) {
        Entry entry = new Entry(clock.instant(), cut(actor, 100), action, cut(subject, 200), outcome, cut(Masking.scrub(detail), 500));
        streams.append(STREAM, "audit", json.writeValueAsString(entry));
        if (streams.length(STREAM) > KEEP + KEEP / 10) {
            streams.trim(STREAM, KEEP);
        }
    }

    /** Whatever a client sent (a user name typed at sign-in) is kept short. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The newest entries that match, newest first. */
    public List<Entry> find(Predicate<Entry> filter, int limit) {
        return streams.recent(STREAM, (int) Math.min(KEEP, 50_000)).stream()
                .map(e -> json.readValue(e.payload(), Entry.class))
                .filter(filter)
                .limit(limit)
                .toList();
    }
}
