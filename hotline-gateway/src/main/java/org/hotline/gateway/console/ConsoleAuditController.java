package org.hotline.gateway.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hotline.gateway.audit.AuditTrail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for supervisors ({@code /console/supervisor/audit}): who placed which callback,
 * reassigned which conversation, forced which team open or closed, replayed which dead letter,
 * signed in or failed to; filtered by what, who and since when. Numbers were masked when written.
 */
@Controller
class ConsoleAuditController {

    /** What the trail records, for the filter: the kinds of sensitive action. */
    static final List<String> ACTIONS = List.of("callback", "conversation.assign", "conversation.reassign", "team.override",
            "dead-letter.replay", "sign-in", "presence.set-for", "call.notes");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int LIMIT = 500;

    private final AuditTrail trail;
    private final ConsoleUsers users;

    ConsoleAuditController(AuditTrail trail, ConsoleUsers users) {
        this.trail = trail;
        this.users = users;
    }

    record Line(String time, String actor, String action, String subject, String outcome, String detail) {}

    @GetMapping("/console/supervisor/audit")
    String audit(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String since, Authentication authentication, Model model) {
        users.viewer(authentication);
        ZoneId zone = users.zone();
        String what = blankToNull(action);
        String who = blankToNull(actor);
        LocalDate from = null;
        try {
            from = since == null || since.isBlank() ? null : LocalDate.parse(since.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("refused", "audit.since.invalid");
        }
        java.time.Instant after = from == null ? null : from.atStartOfDay(zone).toInstant();
        List<Line> lines = trail.find(e -> (what == null || e.action().equals(what) || e.action().startsWith(what + "."))
                && (who == null || e.actor().equalsIgnoreCase(who))
                && (after == null || !e.at().isBefore(after)), LIMIT).stream()
                .map(e -> new Line(TIME.format(e.at().atZone(zone)), e.actor(), e.action(), e.subject(), e.outcome(), e.detail())).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("action", what);
        model.addAttribute("actor", who);
        model.addAttribute("since", from == null ? null : from.toString());
        return "console/audit";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
