package org.hotline.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.chat.Conversation;
import org.hotline.gateway.chat.Inbox;
import org.hotline.gateway.chat.InboxViewer;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.reporting.QueueFigures;
import org.hotline.gateway.reporting.ReportingSettings;
import org.hotline.gateway.routing.OfficerStatus;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.routing.RoutingState;
import org.hotline.gateway.routing.TeamHours;
import org.hotline.gateway.routing.TeamOverride;
import org.hotline.gateway.cases.StreamOutboxSource;
import org.springframework.stereotype.Component;

/**
 * What the supervisors' wallboard shows: per team, open or closed and why, who waits (by language,
 * urgent ones, the longest wait) and the officers with their presence and load; today so far from the
 * call log (offered, answered, abandoned in the menu and in the queue, voicemails, service level,
 * average and 90th-percentile wait); and the delivery to the case store (backlog, dead letters).
 */
@Component
class Wallboard {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int DEAD_LETTERS_SHOWN = 20;

    private final RoutingService routing;
    private final HotlineDirectory directory;
    private final TeamHours hours;
    private final Inbox inbox;
    private final WaitingCalls calls;
    private final CallLog callLog;
    private final StreamOutboxSource outbox;
    private final DeadLetters deadLetters;
    private final ReportingSettings reporting;
    private final Clock clock;

    Wallboard(RoutingService routing, HotlineDirectory directory, TeamHours hours, Inbox inbox, WaitingCalls calls, CallLog callLog,
              StreamOutboxSource outbox, DeadLetters deadLetters, ReportingSettings reporting, Clock clock) {
        this.routing = routing;
        this.directory = directory;
        this.hours = hours;
        this.inbox = inbox;
        this.calls = calls;
        this.callLog = callLog;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.reporting = reporting;
        this.clock = clock;
    }

    /** {@code why}: {@code hours}, {@code holiday} or {@code override}, with the supervisor's reason and until when (HH:mm). */
    record TeamLine(String id, String name, boolean open, String why, String overrideBy, String overrideReason, String overrideUntil,
                    int waiting, int urgent, Map<String, Integer> byLanguage, long longestWaitSeconds, List<OfficerLine> officers) {}

    record OfficerLine(String id, String name, String presence, int calls, int chats) {}

    /** {@code serviceLevelPercent} and the waits are null before anybody was answered. */
    record Today(int offered, int answered, int abandonedInMenu, int abandonedInQueue, int voicemails, Double serviceLevelPercent,
                 long serviceLevelSeconds, Long averageWaitSeconds, Long p90WaitSeconds) {}

    record Board(List<TeamLine> teams, Today today, long deliveryBacklog, List<DeadLetters.DeadLetter> deadLetters) {}

    Board of(InboxViewer supervisor) {
        Instant now = clock.instant();
        ZoneId zone = directory.zone();
        RoutingState state = routing.snapshot();
        // who waits: routing's queues (calls and chats), Asterisk's callers, conversations waiting for a team
        Map<String, Waiter> waiting = new HashMap<>();
        state.queues().values().forEach(queue -> queue.forEach(c -> waiting.put(c.contactId(),
                new Waiter(c.team(), c.language(), c.priority() == Node.Priority.URGENT, c.enqueuedAt()))));
        calls.of(supervisor, state, now).forEach(row -> waiting.putIfAbsent(row.id(), new Waiter(row.team(), row.language(), row.urgent(), row.since())));
        for (Conversation c : inbox.of(supervisor, Inbox.Part.QUEUE)) {
            waiting.putIfAbsent(c.id(), new Waiter(c.team(), c.language(), c.priority() == Node.Priority.URGENT,
                    c.queuedAt() != null ? c.queuedAt() : c.startedAt()));
        }
        int capacity = directory.config().routing().chatCapacity();
        List<TeamLine> teams = new ArrayList<>();
        for (HotlineConfig.Team team : directory.teams()) {
            List<Waiter> here = waiting.values().stream().filter(w -> team.id().equals(w.team())).toList();
            Map<String, Integer> byLanguage = new TreeMap<>();
            here.forEach(w -> byLanguage.merge(w.language() == null ? "none" : w.language(), 1, Integer::sum));
            long longest = here.stream().mapToLong(w -> Math.max(0, Duration.between(w.since(), now).toSeconds())).max().orElse(0);
            TeamOverride override = state.overrides().get(team.id());
            boolean overridden = override != null && override.activeAt(now);
            String why = overridden ? "override" : directory.isClosedDay(LocalDate.ofInstant(now, zone)) ? "holiday" : "hours";
            List<OfficerLine> officers = directory.officers().stream().filter(o -> o.teams().contains(team.id())).map(o -> {
                OfficerStatus status = routing.router().statusOf(state, o.id());
                return new OfficerLine(o.id(), o.displayName(), status.effective(now, capacity).wireName(), status.calls(), status.chats());
            }).toList();
            teams.add(new TeamLine(team.id(), team.names().getOrDefault("en", team.id()), hours.isOpen(team.id(), now), why,
                    overridden ? override.by() : null, overridden ? override.reason() : null,
                    overridden && override.until() != null ? TIME.format(override.until().atZone(zone)) : null,
                    here.size(), (int) here.stream().filter(Waiter::urgent).count(), byLanguage, longest, officers));
        }
        return new Board(teams, today(now, zone), outbox.backlog(), deadLetters.list(false, DEAD_LETTERS_SHOWN));
    }

    private record Waiter(String team, String language, boolean urgent, Instant since) {}

    private Today today(Instant now, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        List<CallRecord> records = callLog.since(day.atStartOfDay(zone).toInstant()).stream()
                .filter(r -> LocalDate.ofInstant(r.startedAt(), zone).equals(day)).toList();
        QueueFigures figures = QueueFigures.of(records, reporting.serviceLevel());
        return new Today(figures.offered(), figures.answered(), figures.abandonedInMenu(), figures.abandonedInQueue(), figures.voicemails(),
                figures.percentOfOffered(figures.answeredInTime()), reporting.serviceLevel().toSeconds(), figures.averageWaitSeconds(),
                figures.p90WaitSeconds());
    }
}
