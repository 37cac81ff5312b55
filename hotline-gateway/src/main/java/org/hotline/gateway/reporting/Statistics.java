package org.hotline.gateway.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts of contacts that can be published: grouped by a period and the chosen dimensions, counts
 * only, every cell under {@code minCell} shown as {@code <minCell} ("primary suppression"), and
 * enough other cells hidden that none of them can be worked out from what is shown ("secondary
 * suppression"): in every group of cells that differ in one dimension only (whose sum another
 * query, or the period's total here, may publish), never exactly one hidden cell; the smallest
 * shown cell of such a group is hidden too, until no group has one. Pure: no clock, no store.
 */
public final class Statistics {

    /** One contact: its period (a week, a day, a month) and its value in each dimension, in order. */
    public record Fact(String period, List<String> values) {}

    /**
     * A published cell: {@code count} null when it is hidden; {@code small} when that is because it
     * is under the minimum (else it is hidden so that a small one cannot be worked out).
     */
    public record Cell(String period, List<String> values, Integer count, boolean small) {}

    /** Cells sorted by period then values; each period's total (null when hidden). */
    public record Table(List<String> dimensions, int minCell, List<Cell> cells, Map<String, Integer> totals) {}

    private Statistics() {}

    public static Table of(List<Fact> facts, List<String> dimensions, int minCell) {
        Map<List<String>, Integer> counts = new TreeMap<>(Statistics::compareKeys);
        Map<String, Integer> totals = new TreeMap<>();
        for (Fact fact : facts) {
            List<String> key = new ArrayList<>(fact.values().size() + 1);
            key.add(fact.period());
            key.addAll(fact.values());
            counts.merge(List.copyOf(key), 1, Integer::sum);
            totals.merge(fact.period(), 1, Integer::sum);
        }
        Set<List<String>> hidden = new HashSet<>();
        counts.forEach((key, count) -> {
            if (count < minCell) {
                hidden.add(key);
            }
        });
        hideComplements(counts, hidden, dimensions.size() + 1);
        List<Cell> cells = new ArrayList<>();
        counts.forEach((key, count) -> cells.add(new Cell(key.getFirst(), key.subList(1, key.size()), hidden.contains(key) ? null : count,
                count < minCell)));
        Map<String, Integer> shownTotals = new LinkedHashMap<>();
        totals.forEach((period, total) -> shownTotals.put(period, total < minCell ? null : total));
        return new Table(List.copyOf(dimensions), minCell, List.copyOf(cells), shownTotals);
    }

    /**
     * Groups of cells equal in all positions but one (for each position; and all the cells of a
     * period, whose total is published): while a group has exactly one hidden cell, the smallest
     * shown one of it is hidden too.
     */
    private static void hideComplements(Map<List<String>, Integer> counts, Set<List<String>> hidden, int width) {
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Map<List<String>, List<List<String>>>> groupings = new ArrayList<>();
            for (int position = 0; position < width; position++) {
                int dropped = position;
                Map<List<String>, List<List<String>>> groups = new LinkedHashMap<>();
                counts.keySet().forEach(key -> {
                    List<String> rest = new ArrayList<>(key);
                    rest.remove(dropped);
                    groups.computeIfAbsent(rest, r -> new ArrayList<>()).add(key);
                });
                groupings.add(groups);
            }
            Map<List<String>, List<List<String>>> periods = new LinkedHashMap<>();
            counts.keySet().forEach(key -> periods.computeIfAbsent(List.of(key.getFirst()), p -> new ArrayList<>()).add(key));
            groupings.add(periods);
            for (Map<List<String>, List<List<String>>> groups : groupings) {
                for (List<List<String>> group : groups.values()) {
                    long hiddenHere = group.stream().filter(hidden::contains).count();
                    if (hiddenHere == 1 && group.size() > 1) {
                        List<String> smallest = group.stream().filter(k -> !hidden.contains(k))
                                .min(Comparator.comparing((List<String> k) -> counts.get(k)).thenComparing(Statistics::compareKeys))
                                .orElseThrow();
                        hidden.add(smallest);
                        changed = true;
                    }
                }
            }
        }
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
