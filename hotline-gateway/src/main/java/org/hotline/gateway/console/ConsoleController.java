package org.hotline.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hotline.gateway.chat.Conversation;
import org.hotline.gateway.chat.Inbox;
import org.hotline.gateway.chat.InboxViewer;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.routing.OfficerStatus;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.routing.RoutingState;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The duty officers' console, {@code /console}: server-rendered pages that htmx updates in parts.
 * It uses the services and the visibility rule of the API ({@link InboxViewer}), never rules of its
 * own; live changes come from the inbox's server-sent events, which the page listens to.
 */
@Controller
@RequestMapping("/console")
class ConsoleController {

    private static final int REASON_LENGTH = 80;

    private final RoutingService routing;
    private final HotlineDirectory directory;
    private final Inbox inbox;
    private final ConsoleUsers users;
    private final CallPanels calls;
    private final WaitingCalls waitingCalls;
    private final Clock clock;

    ConsoleController(RoutingService routing, HotlineDirectory directory, Inbox inbox, ConsoleUsers users, CallPanels calls,
                      WaitingCalls waitingCalls, Clock clock) {
        this.calls = calls;
        this.waitingCalls = waitingCalls;
        this.routing = routing;
        this.directory = directory;
        this.inbox = inbox;
        this.users = users;
        this.clock = clock;
    }

    /** The shift bar: who I am and how I stand. {@code presence} is what routing makes of it (busy follows from work). */
    record Shift(String username, String officerId, String displayName, String presence, String declared,
                 List<String> teams, List<String> languages, int waiting) {}

    /**
     * One call or conversation in a list: what an officer needs to pick the next one, the person's address masked.
     *
     * @param call             a call waiting (routing offers it; nobody takes it from the list)
     * @param estimateMinutes  routing's honest estimate of the wait left, or null when there is nothing to base one on
     * @param offeredTo        the officer it rings for now, or null
     * @param offeredToViewer  it rings for the officer at this console
     */
    record Row(String id, String channel, String status, String team, String topic, String language, boolean urgent, String contact,
               long waitingMinutes, String officerId, boolean call, Long estimateMinutes, String offeredTo, boolean offeredToViewer,
               Instant since) {}

    @GetMapping
    String console(Authentication authentication, Model model) {
        SignedInUser user = users.user(authentication);
        if (user.officerId() == null && !user.supervises() && user.roles().contains(org.hotline.gateway.security.Role.SCRIPT_AUTHOR)) {
            // a script author's console is the test line
            return "redirect:/console/test-line";
        }
        fill(viewer(authentication), model);
        return "console/index";
    }

    @GetMapping("/inbox")
    String inboxPart(Authentication authentication, Model model) {
        fill(viewer(authentication), model);
        model.addAttribute("partial", true);
        return "console/index :: inbox";
    }

    @GetMapping("/shift")
    String shiftPart(Authentication authentication, Model model) {
        fill(viewer(authentication), model);
        return "console/index :: shift";
    }

    /** Available, away (with a reason) or offline: the officer's own presence, as the API sets it. */
    @PostMapping("/presence")
    String presence(@RequestParam String presence, @RequestParam(required = false) String reason, Authentication authentication,
                    Model model) {
        InboxViewer viewer = viewer(authentication);
        String officer = viewer.user().officerId();
        if (officer == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only officers have a presence");
        }
        Presence chosen = switch (presence) {
            case "available" -> Presence.AVAILABLE;
            case "away" -> Presence.AWAY;
            case "offline" -> Presence.OFFLINE;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "presence is available, away or offline");
        };
        String why = reason == null || reason.isBlank() ? "set in the console"
                : reason.strip().substring(0, Math.min(REASON_LENGTH, reason.strip().length()));
        routing.setPresence(officer, chosen, why);
        fill(viewer, model);
        return "console/index :: shift";
    }

    private void fill(InboxViewer viewer, Model model) {
        Instant now = clock.instant();
        SignedInUser user = viewer.user();
        var officer = user.officerId() == null ? null : directory.officer(user.officerId()).orElse(null);
        RoutingState state = routing.snapshot();
        List<Row> queue = new java.util.ArrayList<>(rows(inbox.of(viewer, Inbox.Part.QUEUE), now, state));
        queue.addAll(waitingCalls.of(viewer, state, now));
        queue.sort(java.util.Comparator.comparing((Row row) -> !row.urgent()).thenComparing(Row::since));
        List<Row> mine = rows(inbox.of(viewer, Inbox.Part.MINE), now, state);
        Set<String> teams = viewer.teams();
        // waiting: the calls and chats in routing's queues of my teams, Asterisk's callers, and conversations
        // queued for my teams (a queued chat is usually in routing's queue too: counted once)
        Set<String> waiting = new java.util.HashSet<>();
        state.queues().entrySet().stream().filter(e -> user.supervises() || teams.contains(e.getKey()))
                .forEach(e -> e.getValue().forEach(contact -> waiting.add(contact.contactId())));
        queue.forEach(row -> waiting.add(row.id()));
        String presence = "none";
        String declared = "none";
        if (officer != null) {
            OfficerStatus status = routing.router().statusOf(state, officer.id());
            presence = status.effective(now, directory.config().routing().chatCapacity()).wireName();
            declared = status.declared().wireName();
        }
        model.addAttribute("shift", new Shift(user.username(), user.officerId(), officer == null ? user.username() : officer.displayName(),
                presence, declared, officer == null ? List.of() : officer.teams(),
                officer == null ? List.of() : officer.languages(), waiting.size()));
        model.addAttribute("queue", queue);
        model.addAttribute("mine", mine);
        model.addAttribute("languageNames", users.languageNames());
        model.addAttribute("call", calls.of(viewer).orElse(null));
        model.addAttribute("supervisor", user.supervises());
    }

    private List<Row> rows(List<Conversation> conversations, Instant now, RoutingState state) {
        return conversations.stream().map(c -> {
            Instant since = c.queuedAt() != null ? c.queuedAt() : c.startedAt();
            Long estimate = c.officerId() != null ? null
                    : routing.router().estimatedWait(state, c.id()).map(d -> Math.max(1, d.toMinutes())).orElse(null);
            return new Row(c.id(), c.channel().wireName(), c.status().wireName(), c.team(), c.topic(), c.language(),
                    c.priority() == org.hotline.gateway.flow.Node.Priority.URGENT, c.maskedContact(),
                    Math.max(0, Duration.between(since, now).toMinutes()), c.officerId(), false, estimate, null, false, since);
        }).toList();
    }

    private InboxViewer viewer(Authentication authentication) {
        return users.viewer(authentication);
    }
}
