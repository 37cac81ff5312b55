package org.hotline.gateway.routing;

import java.time.Clock;
import java.time.Instant;
import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.security.SignedInUser;

/**
 * A supervisor forces a team open (an emergency) or closed (a staff meeting) until a moment or until
 * lifted, or puts it back on its schedule: for the API and the wallboard alike, checked and audited.
 */
public class TeamOverrides {

    public static final int MAX_REASON = 200;

    /** Why a change was refused: {@code key} for the console's message, {@code status} for the API. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String key;

        Refused(int status, String key, String message) {
            super(message);
            this.status = status;
            this.key = key;
        }

        public int status() {
            return status;
        }

        public String key() {
            return key;
        }
    }

    private final RoutingService routing;
    private final HotlineDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    public TeamOverrides(RoutingService routing, HotlineDirectory directory, AuditTrail audit, Clock clock) {
        this.routing = routing;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code state}: open, closed or scheduled (lift the override); {@code until} null: until lifted. */
    public void set(SignedInUser user, String team, String state, Instant until, String reason) {
        if (!user.supervises()) {
            throw new Refused(403, "refused.override.not-supervisor", "only supervisors may force a team open or closed");
        }
        if (directory.team(team).isEmpty()) {
            throw new Refused(404, "refused.override.no-team", "no team '" + team + "'");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new Refused(400, "refused.override.reason", "reason: at most " + MAX_REASON + " characters");
        }
        TeamOverride override = switch (state == null ? "" : state) {
            case "open", "closed" -> {
                if (until != null && !until.isAfter(clock.instant())) {
                    throw new Refused(400, "refused.override.until", "until must be in the future");
                }
                yield new TeamOverride(state.equals("open"), until, reason, user.username());
            }
            case "scheduled" -> null;
            default -> throw new Refused(400, "refused.override.state", "state must be open, closed or scheduled");
        };
        routing.override(team, override);
        audit.record(user.username(), "team.override", team, state,
                (override == null ? "back to the schedule" : "until " + (until == null ? "lifted" : until)) + (reason == null ? "" : "; " + reason));
    }
}
