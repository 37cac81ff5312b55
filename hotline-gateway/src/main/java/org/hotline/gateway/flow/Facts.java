package org.hotline.gateway.flow;

import java.util.Set;

/**
 * What the engine is told when a session starts, so that it never reads a clock or a store:
 * the channel, whether the caller's number is known, the language a returning caller chose last
 * time (or null), which teams are open now, whether today is a holiday, and the language the person
 * clearly writes in (a chat's words, guessed by the channel before the engine sees them; or null).
 */
public record Facts(Channel channel, boolean callerKnown, String returningLanguage, Set<String> openTeams, boolean holiday,
                    String writtenLanguage) {
    public Facts {
        openTeams = Set.copyOf(openTeams);
    }

    public Facts(Channel channel, boolean callerKnown, String returningLanguage, Set<String> openTeams, boolean holiday) {
        this(channel, callerKnown, returningLanguage, openTeams, holiday, null);
    }

    Facts writtenIn(String language) {
        return new Facts(channel, callerKnown, returningLanguage, openTeams, holiday, language);
    }
}
