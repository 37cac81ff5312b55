package org.hotline.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Officers and their presence, the live queues, and team hours with supervisors' overrides. No phone numbers here. */
@RestController
@RequestMapping("/api/v1")
class RoutingController {

    private final RoutingService routing;
    private final HotlineDirectory directory;
    private final TeamHours hours;
    private final SecuritySettings security;
    private final Clock clock;
    private final AuditTrail audit;
    private final TeamOverrides overrides;

    RoutingController(RoutingService routing, HotlineDirectory directory, TeamHours hours, SecuritySettings security, Clock clock,
                      AuditTrail audit, TeamOverrides overrides) {
        this.audit = audit;
        this.overrides = overrides;
        this.routing = routing;
        this.directory = directory;
        this.hours = hours;
        this.security = security;
        this.clock = clock;
    }

    record OfficerView(String id, String displayName, List<String> teams, List<String> languages, String presence,
                       String declared, int calls, int chats, boolean ringing, int missedOffers) {}

    @GetMapping("/officers")
    List<OfficerView> officers() {
        RoutingState state = routing.snapshot();
        Instant now = clock.instant();
        int capacity = directory.config().routing().chatCapacity();
        return directory.officers().stream().map(o -> {
            OfficerStatus s = routing.router().statusOf(state, o.id());
            return new OfficerView(o.id(), o.displayName(), o.teams(), o.languages(), s.effective(now, capacity).wireName(),
                    s.declared().wireName(), s.calls(), s.chats(), s.offeredContact() != null, s.missedOffers());
        }).toList();
    }

    record PresenceChange(String presence, String reason) {}

    @PutMapping("/officers/{id}/presence")
    OfficerView setPresence(@PathVariable String id, @RequestBody PresenceChange change, Authentication authentication) {
        SignedInUser user = SignedInUser.of(authentication, security);
        if (directory.officer(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no officer '" + id + "'");
        }
        if (!user.is(id) && !user.supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "officers may change only their own presence");
        }
        Presence presence = parsePresence(change == null ? null : change.presence());
        String reason = change.reason() == null || change.reason().isBlank() ? "set by " + user.username() : shortReason(change.reason());
        routing.setPresence(id, presence, reason);
        if (!user.is(id)) {
            audit.record(user.username(), "presence.set-for", id, presence.name().toLowerCase(), reason);
        }
        return officers().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    private static Presence parsePresence(String text) {
        if (text != null) {
            switch (text) {
                case "available": return Presence.AVAILABLE;
                case "away": return Presence.AWAY;
                case "offline": return Presence.OFFLINE;
                default: break;
            }
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "presence must be available, away or offline (busy follows from calls)");
    }

    record WaitingView(int position, String channel, String language, String priority, String topic, long waitingSeconds,
                       String offeredTo, Long estimatedWaitSeconds) {}

    record QueueView(String team, boolean open, int waiting, Map<String, Long> byLanguage, List<WaitingView> contacts) {}

    @GetMapping("/queues")
    List<QueueView> queues() {
        RoutingState state = routing.snapshot();
        Instant now = clock.instant();
        return directory.teams().stream().map(HotlineConfig.Team::id).map(team -> {
            List<QueuedContact> ordered = state.queue(team).stream().sorted(QueuedContact::queueOrder).toList();
            List<WaitingView> contacts = new java.util.ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                QueuedContact c = ordered.get(i);
                contacts.add(new WaitingView(i + 1, c.channel().name().toLowerCase(), c.language(), c.priority().name().toLowerCase(),
                        c.topic(), Duration.between(c.enqueuedAt(), now).toSeconds(), c.offeredTo(),
                        routing.router().estimatedWait(state, c.contactId()).map(Duration::toSeconds).orElse(null)));
            }
            Map<String, Long> byLanguage = ordered.stream()
                    .collect(Collectors.groupingBy(QueuedContact::language, TreeMap::new, Collectors.counting()));
            return new QueueView(team, hours.isOpen(team, now), ordered.size(), byLanguage, contacts);
        }).toList();
    }

    record TeamView(String id, String name, boolean open, String hours, TeamOverride override) {}

    @GetMapping("/teams")
    List<TeamView> teams() {
        Instant now = clock.instant();
        RoutingState state = routing.snapshot();
        return directory.teams().stream().map(t -> new TeamView(t.id(), t.names().getOrDefault("en", t.id()), hours.isOpen(t.id(), now),
                org.hotline.gateway.scripts.OpeningHoursText.describe(directory.scheduleOf(t.id()), "en"),
                state.overrides().get(t.id()))).toList();
    }

    /** {@code state}: open or closed (forced, until {@code until} or until lifted), or scheduled (lift the override). */
    record OverrideChange(String state, Instant until, String reason) {}

    @PutMapping("/teams/{id}/override")
    TeamView override(@PathVariable String id, @RequestBody OverrideChange change, Authentication authentication) {
        try {
            overrides.set(SignedInUser.of(authentication, security), id, change == null ? null : change.state(),
                    change == null ? null : change.until(), change == null ? null : change.reason());
        } catch (TeamOverrides.Refused refused) {
            throw new ResponseStatusException(HttpStatus.valueOf(refused.status()), refused.getMessage());
        }
        return teams().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static String shortReason(String reason) {
        if (reason != null && reason.length() > TeamOverrides.MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "reason: at most " + TeamOverrides.MAX_REASON + " characters");
        }
        return reason;
    }
}
