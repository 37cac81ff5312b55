package org.hotline.gateway.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.gateway.calllog.CallRecord;

/**
 * The supervisors' charts from call records, in the hotline's time zone: contacts per hour by
 * channel (an hour is a real hour: the day clocks go back has 25 of them, the day they go forward 23,
 * and the repeated hour is labelled with its offset), contacts by topic and by language, and per day
 * the abandonment and the service level. Pure: the records and the zone come in.
 */
public final class ContactCharts {

    private static final String HOUR = "EEE dd.MM HH:mm";
    private static final String DAY = "EEE dd.MM";

    /** Chart.js's shape: labels, and one series per name. */
    public record Series(List<String> labels, Map<String, List<Number>> values) {}

    public record Charts(Series perHour, Series byTopic, Series byLanguage, Series perDay) {}

    private ContactCharts() {}

    /**
     * @param hoursFrom the first hour of the hourly chart (the last 7 days); the other charts cover {@code [from, to)} in days
     */
    public static Charts of(List<CallRecord> records, ZoneId zone, java.util.Locale locale, Instant hoursFrom, Instant now, LocalDate from,
                            LocalDate to, Duration serviceLevel) {
        return new Charts(perHour(records, zone, locale, hoursFrom, now), counted(records, zone, from, to, r -> r.topic()),
                counted(records, zone, from, to, r -> r.language()), perDay(records, zone, locale, from, to, serviceLevel));
    }

    static Series perHour(List<CallRecord> records, ZoneId zone, java.util.Locale locale, Instant from, Instant now) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(HOUR, locale);
        List<Instant> hours = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(now); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.add(hour);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            ZonedDateTime local = hours.get(i).atZone(zone);
            boolean repeated = i > 0 && hours.get(i - 1).atZone(zone).toLocalDateTime().getHour() == local.getHour()
                    || i + 1 < hours.size() && hours.get(i + 1).atZone(zone).toLocalDateTime().getHour() == local.getHour();
            labels.add(format.format(local) + (repeated ? " (" + local.getOffset() + ")" : ""));
        }
        Map<String, List<Number>> values = new TreeMap<>();
        for (CallRecord r : records) {
            if (r.startedAt().isBefore(from) || !r.startedAt().isBefore(now)) {
                continue;
            }
            int index = (int) Duration.between(from.truncatedTo(ChronoUnit.HOURS), r.startedAt()).toHours();
            if (index < 0 || index >= hours.size()) {
                continue;
            }
            List<Number> series = values.computeIfAbsent(QueueFigures.channelOf(r), c -> zeros(hours.size()));
            series.set(index, series.get(index).intValue() + 1);
        }
        return new Series(labels, values);
    }

    private static Series counted(List<CallRecord> records, ZoneId zone, LocalDate from, LocalDate to,
                                  java.util.function.Function<CallRecord, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        records.stream().filter(r -> within(r, zone, from, to)).forEach(r -> counts.merge(key.apply(r) == null ? "none" : key.apply(r), 1, Integer::sum));
        return new Series(new ArrayList<>(counts.keySet()), Map.of("contacts", new ArrayList<>(counts.values())));
    }

    /** Abandonment (left while waiting, of those who reached a queue) and service level (answered in time, of the same), in percent. */
    private static Series perDay(List<CallRecord> records, ZoneId zone, java.util.Locale locale, LocalDate from, LocalDate to,
                                 Duration serviceLevel) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(DAY, locale);
        List<String> labels = new ArrayList<>();
        List<Number> abandonment = new ArrayList<>();
        List<Number> inTime = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            LocalDate d = day;
            QueueFigures figures = QueueFigures.of(records.stream().filter(r -> LocalDate.ofInstant(r.startedAt(), zone).equals(d)).toList(),
                    serviceLevel);
            labels.add(format.format(day));
            abandonment.add(figures.percentOfOffered(figures.abandonedInQueue()));
            inTime.add(figures.percentOfOffered(figures.answeredInTime()));
        }
        Map<String, List<Number>> values = new LinkedHashMap<>();
        values.put("abandonment", abandonment);
        values.put("serviceLevel", inTime);
        return new Series(labels, values);
    }

    private static boolean within(CallRecord r, ZoneId zone, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(r.startedAt(), zone);
        return !day.isBefore(from) && day.isBefore(to);
    }

    private static List<Number> zeros(int size) {
        List<Number> zeros = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            zeros.add(0);
        }
        return zeros;
    }
}
