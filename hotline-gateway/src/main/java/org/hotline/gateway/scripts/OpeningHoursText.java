package org.hotline.gateway.scripts;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.gateway.config.DailyHours;
import org.hotline.gateway.config.HotlineConfig.WeeklySchedule;

/**
 * Opening hours as words, from the configured schedule, so that changing the hours never means
 * rewriting prompts: "Monday–Friday 09:00–18:00", with day names in the caller's language (CLDR).
 */
public final class OpeningHoursText {

    private OpeningHoursText() {}

    public static String describe(WeeklySchedule schedule, String language) {
        Locale locale = localeOf(language);
        List<String> parts = new ArrayList<>();
        DayOfWeek runStart = null;
        DailyHours runHours = null;
        DayOfWeek previous = null;
        for (DayOfWeek day : DayOfWeek.values()) {
            DailyHours hours = schedule.on(day);
            if (runHours != null && !hours.equals(runHours)) {
                addRun(parts, runStart, previous, runHours, locale);
                runStart = null;
                runHours = null;
            }
            if (runHours == null && !hours.intervals().isEmpty()) {
                runStart = day;
                runHours = hours;
            }
            previous = day;
        }
        if (runHours != null) {
            addRun(parts, runStart, DayOfWeek.SUNDAY, runHours, locale);
        }
        return String.join("; ", parts);
    }

    private static void addRun(List<String> parts, DayOfWeek from, DayOfWeek to, DailyHours hours, Locale locale) {
        String days = from == to ? name(from, locale) : name(from, locale) + "–" + name(to, locale);
        List<String> intervals = hours.intervals().stream()
                .map(i -> i.start() + "–" + (i.end() == null ? "24:00" : i.end().toString())).toList();
        parts.add(days + " " + String.join(", ", intervals));
    }

    private static String name(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    static Locale localeOf(String language) {
        // CLDR knows Dari as Persian of Afghanistan
        return "prs".equals(language) ? Locale.forLanguageTag("fa-AF") : Locale.forLanguageTag(language);
    }
}
