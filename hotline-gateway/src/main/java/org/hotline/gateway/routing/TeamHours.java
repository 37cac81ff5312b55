package org.hotline.gateway.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;

/**
 * Whether a team is open: a supervisor's override while it lasts, else the configured hours and
 * holidays. Overrides come from {@link RoutingService#overrides()} (at most a second old).
 */
public class TeamHours {

    private final HotlineDirectory directory;
    private final RoutingService routing;

    public TeamHours(HotlineDirectory directory, RoutingService routing) {
        this.directory = directory;
        this.routing = routing;
    }

    public boolean isOpen(String team, Instant at) {
        return isOpen(team, at, routing.overrides());
    }

    public Set<String> openTeams(Instant at) {
        Map<String, TeamOverride> overrides = routing.overrides();
        return directory.teams().stream().map(HotlineConfig.Team::id).filter(t -> isOpen(t, at, overrides)).collect(Collectors.toSet());
    }

    public boolean isHoliday(Instant at) {
        var zone = directory.scheduleOf(directory.teams().getFirst().id()).timeZone();
        return directory.isClosedDay(at.atZone(zone).toLocalDate());
    }

    private boolean isOpen(String team, Instant at, Map<String, TeamOverride> overrides) {
        TeamOverride override = overrides.get(team);
        if (override != null && override.activeAt(at)) {
            return override.open();
        }
        return directory.isOpen(team, at);
    }
}
