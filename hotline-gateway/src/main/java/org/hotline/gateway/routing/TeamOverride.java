package org.hotline.gateway.routing;

import java.time.Instant;

/** A supervisor forced a team open (an emergency) or closed (a staff meeting), until an instant or until lifted. */
public record TeamOverride(boolean open, Instant until, String reason, String by) {
    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }
}
