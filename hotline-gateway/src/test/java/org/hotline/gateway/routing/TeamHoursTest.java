package org.hotline.gateway.routing;

import org.hotline.gateway.testing.Shipped;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.EncryptingSessionStore;
import org.hotline.gateway.state.MemoryLockManager;
import org.hotline.gateway.state.MemorySessionStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A supervisor's override wins over the configured hours while it lasts. */
class TeamHoursTest {

    static final Instant TUESDAY_10 = Instant.parse("2026-12-01T08:00:00Z");   // 10:00 in Sofia
    static final Instant TUESDAY_20 = Instant.parse("2026-12-01T18:00:00Z");   // 20:00 in Sofia
    static final Instant CHRISTMAS_10 = Instant.parse("2026-12-25T08:00:00Z");

    private final RoutingService routing = new RoutingService(
            new EncryptingSessionStore(new MemorySessionStore(Clock.systemUTC()), new PiiCipher(PiiCipher.newKey())),
            new MemoryLockManager(Clock.systemUTC()), new Router(Shipped.directory(), Presence.OFFLINE),
            JsonMapper.builder().build(), e -> { }, Clock.systemUTC());
    private final TeamHours hours = new TeamHours(Shipped.directory(), routing);

    @Test
    void shouldFollowTheScheduleWithoutOverride() {
        assertThat(hours.isOpen("avrr", TUESDAY_10)).isTrue();
        assertThat(hours.isOpen("avrr", TUESDAY_20)).isFalse();
        assertThat(hours.openTeams(CHRISTMAS_10)).isEmpty();
        assertThat(hours.isHoliday(CHRISTMAS_10)).isTrue();
    }

    @Test
    void shouldCloseATeamForAStaffMeetingUntilTheOverrideEnds() {
        routing.override("avrr", new TeamOverride(false, TUESDAY_10.plusSeconds(3600), "staff meeting", "sue"));
        assertThat(hours.isOpen("avrr", TUESDAY_10)).isFalse();
        assertThat(hours.isOpen("counter-trafficking", TUESDAY_10)).isTrue();
        assertThat(hours.isOpen("avrr", TUESDAY_10.plusSeconds(3600))).isTrue();
    }

    @Test
    void shouldOpenATeamOnAHolidayForAnEmergencyUntilLifted() {
        routing.override("counter-trafficking", new TeamOverride(true, null, "emergency", "sue"));
        assertThat(hours.openTeams(CHRISTMAS_10)).containsExactly("counter-trafficking");
        routing.override("counter-trafficking", null);
        assertThat(hours.isOpen("counter-trafficking", CHRISTMAS_10)).isFalse();
    }

    @Test
    void shouldAnswerAfreshWhenAnOverrideIsSetWithinTheSameSecond() {
        assertThat(hours.openTeams(TUESDAY_10)).contains("avrr");
        routing.override("avrr", new TeamOverride(false, null, "fire drill", "sue"));
        assertThat(hours.openTeams(TUESDAY_10.plusMillis(10))).doesNotContain("avrr");
        routing.override("avrr", null);
        assertThat(hours.openTeams(TUESDAY_10.plusMillis(20))).contains("avrr");
        assertThat(hours.openTeams(TUESDAY_20)).as("a new second, a new reckoning").doesNotContain("avrr");
    }
}
