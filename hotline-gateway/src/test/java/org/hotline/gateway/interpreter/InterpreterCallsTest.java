package org.hotline.gateway.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.config.HotlineConfig.Interpreter;
import org.hotline.gateway.state.MemoryLockManager;
import org.hotline.gateway.state.MemorySessionStore;
import org.hotline.gateway.testing.MovableClock;
import org.hotline.gateway.testing.Shipped;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interpreters on calls, the rules without a provider: on the shipped roster, with a line that
 * records what it was asked to do. Pashto: Wahid, then Zarmina (both office hours).
 */
class InterpreterCallsTest {

    /** Tuesday 1 December 2026, 10:00 in Sofia. */
    static final Instant TUESDAY_10_SOFIA = Instant.parse("2026-12-01T08:00:00Z");

    final MovableClock clock = new MovableClock(TUESDAY_10_SOFIA);
    final List<String> rung = new ArrayList<>();
    final List<String> joined = new ArrayList<>();
    final List<InterpreterEvent> events = new ArrayList<>();

    final InterpreterLine line = new InterpreterLine() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public boolean carries(String callId) {
            return true;
        }

        @Override
        public void ring(String callId, Interpreter interpreter, String language, Duration ringTimeout) {
            rung.add(callId + " " + interpreter.id());
        }

        @Override
        public void join(String callId) {
            joined.add(callId);
        }
    };

    final InterpreterCalls calls = new InterpreterCalls(new MemorySessionStore(clock), new MemoryLockManager(clock), Shipped.directory(),
            List.of(line), event -> events.add((InterpreterEvent) event), JsonMapper.builder().build(), clock);

    @Test
    void shouldStayOnTheCallWhenTheProviderRepeatsTheInterpretersYes() {
        calls.request("CA1", line, "ps", "interpreter-desk", "counter-trafficking");
        assertThat(calls.accepted("CA1", "interpreter-wahid")).isTrue();
        assertThat(calls.accepted("CA1", "interpreter-wahid")).as("the same webhook again").isTrue();
        assertThat(joined).containsExactly("CA1");
        assertThat(calls.accepted("CA1", "interpreter-zarmina")).as("not the one called").isFalse();
    }

    @Test
    void shouldNotCallAnInterpreterWhoIsOnAnotherCallNorFreeThemWithALateCallbackOfAnother() {
        calls.request("CA2", line, "ps", "interpreter-desk", "counter-trafficking");
        calls.accepted("CA2", "interpreter-wahid");
        // Wahid is on CA2: a second Pashto call gets Zarmina
        calls.request("CA3", line, "ps", "interpreter-desk", "counter-trafficking");
        assertThat(rung).containsExactly("CA2 interpreter-wahid", "CA3 interpreter-zarmina");
        // a late callback about Wahid on CA3 (he was never called there) frees nobody
        calls.ended("CA3", "interpreter-wahid");
        calls.ended("CA3", "interpreter-zarmina");
        assertThat(calls.of("CA3").orElseThrow().stage()).isEqualTo(InterpreterCall.Stage.NONE_AVAILABLE);
        calls.request("CA4", line, "ps", "interpreter-desk", "counter-trafficking");
        assertThat(rung).as("Wahid is still on CA2; Zarmina is free again").endsWith("CA4 interpreter-zarmina");
    }

    @Test
    void shouldCallNobodyOutsideTheInterpretersHoursAndSaySo() {
        clock.set(Instant.parse("2026-12-01T20:00:00Z"));
        assertThat(calls.request("CA5", line, "ps", "interpreter-desk", "counter-trafficking"))
                .isInstanceOf(InterpreterCalls.Requested.NoneAvailable.class);
        assertThat(rung).isEmpty();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.stage()).isEqualTo("none-available");
            assertThat(e.officerId()).isEqualTo("interpreter-desk");
        });
    }

    @Test
    void shouldCountEachInterpretersTimeUntilTheyLeaveOrTheCallEnds() {
        calls.request("CA6", line, "ps", "interpreter-desk", "counter-trafficking");
        calls.accepted("CA6", "interpreter-wahid");
        clock.advance(Duration.ofMinutes(4));
        calls.ended("CA6", "interpreter-wahid");
        // asked again: Wahid was on this call, he may come again; Zarmina is first only if he is not free
        calls.request("CA6", line, "ps", "interpreter-desk", "counter-trafficking");
        calls.accepted("CA6", rung.getLast().substring(4));
        clock.advance(Duration.ofMinutes(3));
        assertThat(calls.callEnded("CA6")).extracting(t -> t.time()).containsExactly(Duration.ofMinutes(4), Duration.ofMinutes(3));
    }
}
