package org.hotline.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.reporting.ContactCharts;
import org.hotline.gateway.reporting.ReportingSettings;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervisors' charts ({@code /console/supervisor/charts}, drawn by Chart.js from WebJars):
 * contacts per hour over the last 7 days by channel, and for a chosen period contacts by topic and
 * by language, abandonment and service level per day; all in the hotline's time zone.
 */
@Controller
class ConsoleChartsController {

    private static final int MAX_DAYS = 92;

    private final CallLog callLog;
    private final ConsoleUsers users;
    private final ReportingSettings reporting;
    private final Clock clock;

    ConsoleChartsController(CallLog callLog, ConsoleUsers users, ReportingSettings reporting, Clock clock) {
        this.callLog = callLog;
        this.users = users;
        this.reporting = reporting;
        this.clock = clock;
    }

    @GetMapping("/console/supervisor/charts")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication authentication,
                Model model) {
        users.viewer(authentication);
        LocalDate[] period = period(from, to);
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].minusDays(1).toString());
        // the statistics export wants whole weeks: the last four, Monday to Monday
        LocalDate monday = LocalDate.ofInstant(clock.instant(), users.zone()).with(java.time.DayOfWeek.MONDAY);
        model.addAttribute("weekFrom", monday.minusWeeks(4).toString());
        model.addAttribute("weekTo", monday.plusWeeks(1).toString());
        return "console/charts";
    }

    /** {@code to} is the last day shown (inclusive), as the date fields say it. */
    @GetMapping(path = "/console/supervisor/charts/data", produces = "application/json")
    @ResponseBody
    ContactCharts.Charts data(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              Authentication authentication, java.util.Locale locale) {
        users.viewer(authentication);
        LocalDate[] period = period(from, to);
        Instant now = clock.instant();
        Instant hoursFrom = now.minus(Duration.ofDays(7));
        Instant periodFrom = period[0].atStartOfDay(users.zone()).toInstant();
        return ContactCharts.of(callLog.since(hoursFrom.isBefore(periodFrom) ? hoursFrom : periodFrom), users.zone(), locale, hoursFrom, now,
                period[0], period[1], reporting.serviceLevel());
    }

    /** The days [from, to + 1); by default the last 7 days, today included. */
    private LocalDate[] period(String from, String to) {
        ZoneId zone = users.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        try {
            LocalDate last = to == null || to.isBlank() ? today : LocalDate.parse(to.strip());
            LocalDate first = from == null || from.isBlank() ? last.minusDays(6) : LocalDate.parse(from.strip());
            if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to, at most " + MAX_DAYS + " days apart");
            }
            return new LocalDate[] {first, last.plusDays(1)};
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from and to are dates such as 2026-11-02");
        }
    }
}
