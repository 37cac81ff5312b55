package org.hotline.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.chat.InboxViewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** My contacts: today's calls and conversations of the signed-in officer, from the call log, numbers masked. */
@Controller
class ConsoleContactsController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int LIMIT = 500;

    private final CallLog callLog;
    private final ConsoleUsers users;
    private final Clock clock;

    ConsoleContactsController(CallLog callLog, ConsoleUsers users, Clock clock) {
        this.callLog = callLog;
        this.users = users;
        this.clock = clock;
    }

    /** {@code closing}: the outcome the officer chose when closing a conversation, shown before the call log's own. */
    record Contact(String time, String channel, String contact, String topic, String outcome, String closing, long waitSeconds,
                   long talkSeconds, String notes) {}

    @GetMapping("/console/contacts")
    String contacts(Authentication authentication, Model model) {
        InboxViewer viewer = users.viewer(authentication);
        String me = viewer.user().officerId();
        ZoneId zone = users.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<Contact> contacts = me == null ? List.of() : callLog.recent(r -> Objects.equals(me, r.officerId())
                && LocalDate.ofInstant(r.endedAt(), zone).equals(today), LIMIT).stream().map(r -> contact(r, zone)).toList();
        model.addAttribute("contacts", contacts);
        model.addAttribute("displayName", viewer.user().username());
        return "console/contacts";
    }

    private static Contact contact(CallRecord r, ZoneId zone) {
        String contact = r.contact() == null ? null : r.channel().masked(r.contact());
        return new Contact(TIME.format(r.startedAt().atZone(zone)), r.channel().wireName(), contact, r.topic(), r.outcome().wireName(),
                r.closing() != null && org.hotline.gateway.chat.InboxRules.OUTCOMES.contains(r.closing()) ? r.closing() : null,
                seconds(r.queueWait()), seconds(r.talkTime()), r.notes());
    }

    private static long seconds(Duration duration) {
        return duration == null ? 0 : duration.toSeconds();
    }
}
