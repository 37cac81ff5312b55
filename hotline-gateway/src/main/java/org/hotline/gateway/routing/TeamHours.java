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

    /**
     * The last answer to {@link #openTeams}, for the second it was asked in and the overrides it was
     * asked with: every call and every first message asks, and the answer (each team's hours in its
     * time zone) changes only on a minute of the schedule or with an override, so one reckoning a
     * second serves them all. An override that ends within a second is seen ending by its second's end.
     */
    private record OpenTeams(long second, Map<String, TeamOverride> overrides, Set<String> open) {}

    private final HotlineDirectory directory;
    private final RoutingService routing;
    private volatile OpenTeams last;

    public TeamHours(HotlineDirectory directory, RoutingService routing) {
        this.directory = directory;
        this.routing = routing;
    }

    public boolean isOpen(String team, Instant at) {
        return isOpen(team, at, routing.overrides());
    }

    public Set<String> openTeams(Instant at) {
        Map<String, TeamOverride> overrides = routing.overrides();
        OpenTeams known = last;
        if (known != null && known.second() == at.getEpochSecond() && known.overrides() == overrides) {
            return known.open();
        }
        Set<String> open = directory.teams().stream().map(HotlineConfig.Team::id).filter(t -> isOpen(t, at, overrides))
                .collect(Collectors.toUnmodifiableSet());
        last = new OpenTeams(at.getEpochSecond(), overrides, open);
        return open;
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
