package org.hotline.gateway.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Anonymised statistics for donors and research, from the call log:
 * {@code GET /api/v1/statistics?from=&to=&by=week,channel,topic,language,outcome} (JSON) and
 * {@code GET /api/v1/statistics.csv} (the same as a download). Supervisors and admins only. Counts
 * only, no ids, no time finer than the period ({@code day}, {@code week} or {@code month}, in the
 * hotline's time zone); {@code from} and {@code to} fall on the period's boundaries, so no two
 * queries can be subtracted to count less than a period; small cells are hidden ({@link Statistics}).
 */
@RestController
class StatisticsController {

    static final Set<String> PERIODS = Set.of("day", "week", "month");
    static final Set<String> DIMENSIONS = Set.of("channel", "topic", "language", "outcome", "team");
    private static final int MAX_DAYS = 366;
    /** A cell hidden with a small one (secondary suppression). */
    static final String HIDDEN_WITH = "x";

    private final CallLog callLog;
    private final HotlineDirectory directory;
    private final ReportingSettings settings;
    private final SecuritySettings security;

    StatisticsController(CallLog callLog, HotlineDirectory directory, ReportingSettings settings, SecuritySettings security) {
        this.callLog = callLog;
        this.directory = directory;
        this.settings = settings;
        this.security = security;
    }

    /**
     * {@code contacts}: the count; {@code <5} when it is too small to show; {@code x} when it is hidden
     * so that a small one cannot be worked out from it and a total.
     */
    record Row(String period, Map<String, String> values, String contacts) {}

    record Total(String period, String contacts) {}

    record Report(LocalDate from, LocalDate to, String period, List<String> dimensions, int minCell, List<Row> rows, List<Total> totals) {}

    @GetMapping("/api/v1/statistics")
    Report statistics(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "week") List<String> by,
                      Authentication authentication) {
        return report(from, to, by, authentication);
    }

    @GetMapping(path = "/api/v1/statistics.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "week") List<String> by,
                               Authentication authentication) {
        Report report = report(from, to, by, authentication);
        StringBuilder csv = new StringBuilder(report.period());
        report.dimensions().forEach(d -> csv.append(',').append(d));
        csv.append(",contacts\r\n");
        for (Row row : report.rows()) {
            csv.append(row.period());
            report.dimensions().forEach(d -> csv.append(',').append(csvValue(row.values().get(d))));
            csv.append(',').append(row.contacts()).append("\r\n");
        }
        for (Total total : report.totals()) {
            csv.append(total.period());
            report.dimensions().forEach(d -> csv.append(",all"));
            csv.append(',').append(total.contacts()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hotline-statistics-" + report.from() + "-" + report.to() + ".csv\"")
                .body(csv.toString());
    }

    private Report report(String fromText, String toText, List<String> by, Authentication authentication) {
        if (!SignedInUser.of(authentication, security).supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "statistics are for supervisors and admins");
        }
        List<String> periods = by.stream().map(String::strip).filter(PERIODS::contains).toList();
        List<String> dimensions = by.stream().map(String::strip).filter(b -> !PERIODS.contains(b)).distinct().toList();
        if (periods.size() > 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by: one period at most, of " + PERIODS);
        }
        dimensions.stream().filter(d -> !DIMENSIONS.contains(d)).findFirst().ifPresent(d -> {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by: " + d + " is not one of " + PERIODS + " or " + DIMENSIONS);
        });
        String period = periods.isEmpty() ? "week" : periods.getFirst();
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        if (!from.isBefore(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to, at most " + MAX_DAYS + " days apart");
        }
        if (!onBoundary(from, period) || !onBoundary(to, period)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from and to must start a " + period
                    + (period.equals("week") ? " (a Monday)" : period.equals("month") ? " (the 1st)" : ""));
        }
        ZoneId zone = directory.zone();
        List<Statistics.Fact> facts = new ArrayList<>();
        for (CallRecord record : callLog.since(from.atStartOfDay(zone).toInstant())) {
            LocalDate day = LocalDate.ofInstant(record.startedAt(), zone);
            if (!day.isBefore(from) && day.isBefore(to)) {
                facts.add(new Statistics.Fact(periodOf(day, period), dimensions.stream().map(d -> valueOf(record, d)).toList()));
            }
        }
        Statistics.Table table = Statistics.of(facts, dimensions, settings.minCell());
        String hidden = "<" + settings.minCell();
        List<Row> rows = table.cells().stream().map(cell -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < dimensions.size(); i++) {
                values.put(dimensions.get(i), cell.values().get(i));
            }
            return new Row(cell.period(), values, cell.count() != null ? String.valueOf(cell.count()) : cell.small() ? hidden : HIDDEN_WITH);
        }).toList();
        List<Total> totals = table.totals().entrySet().stream()
                .map(e -> new Total(e.getKey(), e.getValue() == null ? hidden : String.valueOf(e.getValue()))).toList();
        return new Report(from, to, period, dimensions, settings.minCell(), rows, totals);
    }

    static String periodOf(LocalDate day, String period) {
        return switch (period) {
            case "day" -> day.toString();
            case "month" -> day.toString().substring(0, 7);
            default -> "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
    }

    private static boolean onBoundary(LocalDate day, String period) {
        return switch (period) {
            case "day" -> true;
            case "month" -> day.getDayOfMonth() == 1;
            default -> day.getDayOfWeek() == DayOfWeek.MONDAY;
        };
    }

    /** A value from the hotline's own vocabulary: a channel (calls are "voice", whatever the PBX), topic, language, outcome, team. */
    private static String valueOf(CallRecord record, String dimension) {
        String value = switch (dimension) {
            case "channel" -> QueueFigures.channelOf(record);
            case "topic" -> record.topic();
            case "language" -> record.language();
            case "outcome" -> record.outcome().wireName();
            case "team" -> record.team();
            default -> throw new IllegalArgumentException(dimension);
        };
        return value == null ? "none" : value;
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": a date such as 2026-11-02");
        }
    }

    private static String csvValue(String value) {
        return value.matches("[A-Za-z0-9_-]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
