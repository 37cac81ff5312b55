package org.hotline.gateway.flow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;

/** The shipped configuration and flows, loaded once for the tests that walk them. */
final class ShippedFlows {

    private ShippedFlows() {}

    static HotlineDirectory directory() {
        return org.hotline.gateway.testing.Shipped.directory();
    }

    static FlowLibrary library() {
        return org.hotline.gateway.testing.Shipped.library();
    }

    static Flow hotline() {
        return org.hotline.gateway.testing.Shipped.hotline();
    }

    /** The facts a channel would give at a Sofia local time. */
    static Facts factsAt(LocalDateTime sofiaTime, Channel channel, boolean callerKnown, String returningLanguage) {
        HotlineDirectory d = directory();
        Instant instant = sofiaTime.atZone(java.time.ZoneId.of("Europe/Sofia")).toInstant();
        Set<String> open = d.teams().stream().map(HotlineConfig.Team::id).filter(t -> d.isOpen(t, instant)).collect(Collectors.toSet());
        return new Facts(channel, callerKnown, returningLanguage, open, d.isClosedDay(sofiaTime.toLocalDate()));
    }
}
