package org.hotline.gateway.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Small cells hidden, and the cells that would give them away hidden with them. */
class StatisticsTest {

    static List<Statistics.Fact> facts(String period, String channel, String topic, int count) {
        List<Statistics.Fact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(new Statistics.Fact(period, List.of(channel, topic)));
        }
        return facts;
    }

    static Map<String, Integer> shown(Statistics.Table table) {
        return table.cells().stream().collect(Collectors.toMap(c -> c.period() + " " + String.join(" ", c.values()),
                c -> c.count() == null ? -1 : c.count()));
    }

    @Test
    void shouldHideCellsUnderTheMinimumAndTheSmallestNeighbourThatWouldGiveThemAway() {
        List<Statistics.Fact> facts = new ArrayList<>();
        facts.addAll(facts("2026-W48", "voice", "trafficking", 12));
        facts.addAll(facts("2026-W48", "voice", "return", 7));
        facts.addAll(facts("2026-W48", "whatsapp", "trafficking", 9));
        facts.addAll(facts("2026-W48", "whatsapp", "return", 2));

        Map<String, Integer> cells = shown(Statistics.of(facts, List.of("channel", "topic"), 5));

        // 2 is hidden; with the week's total (30) shown, or "whatsapp" (11) or "return" (9) from a coarser
        // query, one hidden cell in a row or column would be 30 - 28, 11 - 9 or 9 - 7: its neighbours go too
        assertThat(cells.get("2026-W48 whatsapp return")).isEqualTo(-1);
        assertThat(cells.get("2026-W48 whatsapp trafficking")).as("its row's complement").isEqualTo(-1);
        assertThat(cells.get("2026-W48 voice return")).as("its column's complement").isEqualTo(-1);
        // and then the first row and column would each have one hidden cell: the last one goes as well
        assertThat(cells.get("2026-W48 voice trafficking")).isEqualTo(-1);
    }

    @Test
    void shouldShowEverythingWhenNoCellIsSmall() {
        List<Statistics.Fact> facts = new ArrayList<>();
        facts.addAll(facts("2026-W48", "voice", "trafficking", 12));
        facts.addAll(facts("2026-W48", "whatsapp", "return", 6));
        facts.addAll(facts("2026-W49", "voice", "trafficking", 5));

        Statistics.Table table = Statistics.of(facts, List.of("channel", "topic"), 5);

        assertThat(shown(table)).containsOnly(Map.entry("2026-W48 voice trafficking", 12), Map.entry("2026-W48 whatsapp return", 6),
                Map.entry("2026-W49 voice trafficking", 5));
        assertThat(table.totals()).containsExactly(Map.entry("2026-W48", 18), Map.entry("2026-W49", 5));
    }

    @Test
    void shouldHideAPeriodsTotalUnderTheMinimumAndAllItsCells() {
        List<Statistics.Fact> facts = new ArrayList<>();
        facts.addAll(facts("2026-W50", "voice", "trafficking", 3));
        facts.addAll(facts("2026-W51", "voice", "trafficking", 8));
        facts.addAll(facts("2026-W51", "sms", "visa", 1));

        Statistics.Table table = Statistics.of(facts, List.of("channel", "topic"), 5);

        assertThat(table.totals().get("2026-W50")).isNull();
        assertThat(shown(table).get("2026-W50 voice trafficking")).isEqualTo(-1);
        // W51's total (9) is shown: its one small cell would be 9 - 8, so the 8 is hidden too
        assertThat(table.totals().get("2026-W51")).isEqualTo(9);
        assertThat(shown(table).get("2026-W51 sms visa")).isEqualTo(-1);
        assertThat(shown(table).get("2026-W51 voice trafficking")).isEqualTo(-1);
    }
}
