package org.hotline.gateway.flow;

import java.util.Set;

/**
 * What the engine is told when a session starts, so that it never reads a clock or a store:
 * the channel, whether the caller's number is known, the language a returning caller chose last
 * time (or null), which teams are open now, and whether today is a holiday.
 */
public record Facts(Channel channel, boolean callerKnown, String returningLanguage, Set<String> openTeams, boolean holiday) {
    public Facts {
        openTeams = Set.copyOf(openTeams);
    }
}
