package org.hotline.gateway.chat;

import java.util.Optional;
import java.util.Set;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.security.SignedInUser;

/**
 * Who sees which conversations, for the inbox API and the console alike: supervisors see all, an
 * officer sees their own and those of their teams; anyone else has no inbox.
 */
public record InboxViewer(SignedInUser user, Set<String> teams) {

    /** The user's view of the inbox, or empty when they are neither an officer nor a supervisor. */
    public static Optional<InboxViewer> of(SignedInUser user, HotlineDirectory directory) {
        Set<String> teams = user.officerId() == null ? Set.of()
                : directory.officer(user.officerId()).map(o -> Set.copyOf(o.teams())).orElse(Set.of());
        if (!user.supervises() && user.officerId() == null) {
            return Optional.empty();
        }
        return Optional.of(new InboxViewer(user, teams));
    }

    public boolean sees(String team, String officerId) {
        return user.supervises() || user.is(officerId) || team != null && teams.contains(team);
    }
}
