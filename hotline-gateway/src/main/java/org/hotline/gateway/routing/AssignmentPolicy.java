package org.hotline.gateway.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;

/**
 * Who gets a waiting contact, as a pure function of the contact, the officers and their status:
 * <ol>
 *   <li>an officer of the team who speaks the contact's language, longest idle first;</li>
 *   <li>for urgent contacts, an officer of another team who speaks the language;</li>
 *   <li>if no present officer of the team speaks it, one of the team who works with interpreters, for a call
 *       only while an interpreter for the language may be called (their hours);</li>
 *   <li>otherwise wait, while any officer who could take it is present (busy now, free later);</li>
 *   <li>otherwise, for calls, the team's overflow numbers (the mobile teams' phones); then nobody.</li>
 * </ol>
 * Chats never overflow and are never "nobody": a conversation waits for the team, overnight if need be.
 */
public final class AssignmentPolicy {

    public sealed interface Decision {}

    public record Offer(String officerId, Reason reason) implements Decision {}

    public record Overflow(List<String> numbers) implements Decision {}

    public record Wait() implements Decision {}

    public record Nobody() implements Decision {}

    public enum Reason { LANGUAGE_MATCH, CROSS_TEAM_LANGUAGE, INTERPRETER }

    private AssignmentPolicy() {}

    public static Decision decide(QueuedContact contact, HotlineDirectory directory, Map<String, OfficerStatus> statuses,
                                  Instant now, int chatCapacity) {
        List<Officer> officers = directory.officers();
        Predicate<Officer> inTeam = o -> o.teams().contains(contact.team());
        Predicate<Officer> speaks = o -> o.languages().contains(contact.language());
        Predicate<Officer> free = o -> !contact.tried().contains(o.id())
                && status(statuses, o).canTake(contact.channel(), now, chatCapacity);
        Predicate<Officer> present = o -> status(statuses, o).present();

        Optional<Officer> pick = longestIdle(officers, inTeam.and(speaks).and(free), statuses);
        if (pick.isPresent()) {
            return new Offer(pick.get().id(), Reason.LANGUAGE_MATCH);
        }
        boolean urgent = contact.priority() == Priority.URGENT;
        if (urgent) {
            pick = longestIdle(officers, inTeam.negate().and(speaks).and(free), statuses);
            if (pick.isPresent()) {
                return new Offer(pick.get().id(), Reason.CROSS_TEAM_LANGUAGE);
            }
        }
        // a call goes to an interpreters' officer only when one can be added: else the flow's fallback
        boolean interpreterReachable = contact.channel() == Channel.CHAT
                || !directory.interpretersFor(contact.language(), now).isEmpty();
        Predicate<Officer> interprets = o -> o.worksWithInterpreters() && interpreterReachable;
        boolean speakerPresent = officers.stream().anyMatch(inTeam.and(speaks).and(present)
                .and(o -> !contact.tried().contains(o.id())));
        if (!speakerPresent) {
            pick = longestIdle(officers, inTeam.and(interprets).and(free), statuses);
            if (pick.isPresent()) {
                return new Offer(pick.get().id(), Reason.INTERPRETER);
            }
        }
        Predicate<Officer> couldTakeLater = inTeam.and(speaks.or(interprets))
                .or(urgent ? inTeam.negate().and(speaks) : o -> false);
        boolean someoneWillBeFree = officers.stream().anyMatch(couldTakeLater.and(present)
                .and(o -> !contact.tried().contains(o.id())));
        if (someoneWillBeFree || contact.channel() == Channel.CHAT) {
            return new Wait();
        }
        List<String> overflow = directory.team(contact.team()).map(t -> t.overflowNumbers()).orElse(List.of());
        return overflow.isEmpty() ? new Nobody() : new Overflow(overflow);
    }

    private static Optional<Officer> longestIdle(List<Officer> officers, Predicate<Officer> eligible, Map<String, OfficerStatus> statuses) {
        // stable: among equally idle officers, the configuration's order decides
        return officers.stream().filter(eligible).min(Comparator.comparing((Officer o) -> status(statuses, o).freeSince()));
    }

    private static OfficerStatus status(Map<String, OfficerStatus> statuses, Officer officer) {
        OfficerStatus status = statuses.get(officer.id());
        return status != null ? status : OfficerStatus.initial(officer.id(), Presence.OFFLINE);
    }
}
