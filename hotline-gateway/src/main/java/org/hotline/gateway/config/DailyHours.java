package org.hotline.gateway.config;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The open intervals of one day, written as {@code "09:00-18:00"}, {@code "09:00-12:00, 13:00-17:00"}
 * or {@code "closed"}. An interval may end at {@code 24:00}.
 */
public record DailyHours(List<Interval> intervals) {

    public static final DailyHours CLOSED = new DailyHours(List.of());

    private static final java.util.regex.Pattern INTERVAL =
            java.util.regex.Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    public DailyHours {
        intervals = List.copyOf(intervals);
    }

    /** {@code end} is exclusive; {@code null} end means midnight at the end of the day. */
    public record Interval(LocalTime start, LocalTime end) {
        public boolean contains(LocalTime t) {
            return !t.isBefore(start) && (end == null || t.isBefore(end));
        }

        @Override
        public String toString() {
            return start + "-" + (end == null ? "24:00" : end.toString());
        }
    }

    public boolean isOpenAt(LocalTime time) {
        return intervals.stream().anyMatch(i -> i.contains(time));
    }

    public static DailyHours parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("closed")) {
            return CLOSED;
        }
        List<Interval> result = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            Matcher m = INTERVAL.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "'" + part.trim() + "' is not an interval like 09:00-18:00 (or 'closed')");
            }
            LocalTime start = time(m.group(1), false);
            LocalTime end = time(m.group(2), true);
            if (end != null && !end.isAfter(start)) {
                throw new IllegalArgumentException("'" + part.trim() + "' ends before it starts");
            }
            result.add(new Interval(start, end));
        }
        result.sort(java.util.Comparator.comparing(Interval::start));
        for (int i = 1; i < result.size(); i++) {
            Interval previous = result.get(i - 1);
            if (previous.end() == null || previous.end().isAfter(result.get(i).start())) {
                throw new IllegalArgumentException("intervals " + previous + " and " + result.get(i) + " overlap");
            }
        }
        return new DailyHours(result);
    }

    private static LocalTime time(String hhmm, boolean mayBeMidnightEnd) {
        if (mayBeMidnightEnd && hhmm.equals("24:00")) {
            return null;
        }
        try {
            String padded = hhmm.length() == 4 ? "0" + hhmm : hhmm;
            return LocalTime.parse(padded);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + hhmm + "' is not a time of day (00:00 to 24:00)");
        }
    }

    @Override
    public String toString() {
        return intervals.isEmpty() ? "closed" : String.join(", ", intervals.stream().map(Interval::toString).toList());
    }
}
