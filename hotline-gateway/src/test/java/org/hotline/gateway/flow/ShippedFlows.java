package org.hotline.gateway.flow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.scripts.ScriptsConfiguration;
import org.hotline.gateway.testing.TestConfig;

/** The shipped configuration and flows, loaded once for the tests that walk them. */
final class ShippedFlows {

    private static FlowLibrary library;

    private ShippedFlows() {}

    static HotlineDirectory directory() {
        return org.hotline.gateway.testing.Shipped.directory();
    }

    static synchronized FlowLibrary library() {
        if (library == null) {
            library = FlowLibrary.load(TestConfig.repositoryRoot().resolve("ivr-scripts"), ScriptsConfiguration.environmentOf(directory()));
            if (library.hasErrors()) {
                throw new IllegalStateException("the shipped flows have errors: " + library.errors());
            }
        }
        return library;
    }

    static Flow hotline() {
        return library().flow("hotline").orElseThrow();
    }

    /** The facts a channel would give at a Sofia local time. */
    static Facts factsAt(LocalDateTime sofiaTime, Channel channel, boolean callerKnown, String returningLanguage) {
        HotlineDirectory d = directory();
        Instant instant = sofiaTime.atZone(java.time.ZoneId.of("Europe/Sofia")).toInstant();
        Set<String> open = d.teams().stream().map(HotlineConfig.Team::id).filter(t -> d.isOpen(t, instant)).collect(Collectors.toSet());
        return new Facts(channel, callerKnown, returningLanguage, open, d.isClosedDay(sofiaTime.toLocalDate()));
    }
}
