package org.hotline.gateway.routing;

import org.hotline.gateway.testing.Shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.routing.RoutingEvent.ContactAbandoned;
import org.hotline.gateway.routing.RoutingEvent.ContactAnswered;
import org.hotline.gateway.routing.RoutingEvent.ContactTimedOut;
import org.hotline.gateway.routing.RoutingEvent.ContactUnroutable;
import org.hotline.gateway.routing.RoutingEvent.OfferMade;
import org.hotline.gateway.routing.RoutingEvent.OfferWithdrawn;
import org.hotline.gateway.routing.RoutingEvent.PresenceChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queues, offers and timeouts with a fake clock, on the shipped routing policy: ring timeout 20 s,
 * maximum queue wait 3 min, wrap-up 30 s, away after 2 missed offers, 3 chats at once.
 */
class RouterTest {

    private final Router router = new Router(Shipped.directory(), Presence.OFFLINE);
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private RoutingState state = RoutingState.empty();
    private final List<RoutingEvent> events = new ArrayList<>();

    @BeforeEach
    void reset() {
        events.clear();
    }

    private void apply(Router.Outcome outcome) {
        state = outcome.state();
        events.addAll(outcome.events());
    }

    private void available(String... officers) {
        for (String officer : officers) {
            apply(router.setPresence(state, officer, Presence.AVAILABLE, "test", now));
        }
        events.clear();
    }

    private void call(String id, String team, String language, Priority priority) {
        apply(router.enqueue(state, QueuedContact.waiting(id, Channel.VOICE, team, language, priority, "topic", now), now));
    }

    private void later(Duration duration) {
        now = now.plus(duration);
        apply(router.tick(state, now));
    }

    private <T extends RoutingEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void shouldOfferTheCallToTheMatchingOfficerAndMakeThemBusyWhenAnswered() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        assertThat(eventsOf(OfferMade.class)).singleElement().satisfies(o -> assertThat(o.officerId()).isEqualTo("georgi"));
        assertThat(router.statusOf(state, "georgi").effective(now, 3)).isEqualTo(Presence.BUSY);

        later(Duration.ofSeconds(8));
        apply(router.answered(state, "CA1", "georgi", now));

        ContactAnswered answered = eventsOf(ContactAnswered.class).getFirst();
        assertThat(answered.queueWait()).isEqualTo(Duration.ofSeconds(8));
        assertThat(answered.ringTime()).isEqualTo(Duration.ofSeconds(8));
        assertThat(state.queues()).isEmpty();
        assertThat(router.statusOf(state, "georgi").calls()).isEqualTo(1);
    }

    @Test
    void shouldNeverOfferOneOfficerTwoCallersAtOnce() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        call("CA2", "avrr", "ru", Priority.NORMAL);
        assertThat(eventsOf(OfferMade.class)).extracting(OfferMade::contactId).containsExactly("CA1");
        assertThat(Router.position(state, "CA2")).contains(2);
    }

    @Test
    void shouldServeUrgentBeforeNormalThenTheLongestWaiting() {
        available("georgi");
        call("CA0", "avrr", "en", Priority.NORMAL);
        apply(router.answered(state, "CA0", "georgi", now));
        call("N1", "avrr", "en", Priority.NORMAL);
        later(Duration.ofSeconds(5));
        call("N2", "avrr", "en", Priority.NORMAL);
        later(Duration.ofSeconds(5));
        call("U1", "avrr", "en", Priority.URGENT);
        assertThat(Router.position(state, "U1")).contains(1);
        assertThat(Router.position(state, "N1")).contains(2);
        assertThat(Router.position(state, "N2")).contains(3);

        events.clear();
        apply(router.ended(state, "georgi", Channel.VOICE, "avrr", Duration.ofMinutes(1), now));
        later(Duration.ofSeconds(30));
        assertThat(eventsOf(OfferMade.class)).extracting(OfferMade::contactId).containsExactly("U1");
    }

    @Test
    void shouldTryTheNextOfficerWhenTheFirstRingsOut() {
        available("elena", "nadia");
        call("CA1", "counter-trafficking", "en", Priority.NORMAL);
        String first = eventsOf(OfferMade.class).getFirst().officerId();
        events.clear();

        later(Duration.ofSeconds(20));

        assertThat(eventsOf(OfferWithdrawn.class)).singleElement().satisfies(w -> {
            assertThat(w.officerId()).isEqualTo(first);
            assertThat(w.reason()).isEqualTo("rang out");
        });
        assertThat(eventsOf(OfferMade.class)).singleElement().satisfies(o -> assertThat(o.officerId()).isNotEqualTo(first));
    }

    @Test
    void shouldMarkAnOfficerAwayAfterTwoMissedOffersInARow() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        apply(router.noAnswer(state, "CA1", "georgi", "declined", now));
        apply(router.abandon(state, "CA1", now));
        call("CA2", "avrr", "ru", Priority.NORMAL);
        events.clear();

        later(Duration.ofSeconds(20));

        assertThat(router.statusOf(state, "georgi").declared()).isEqualTo(Presence.AWAY);
        assertThat(eventsOf(PresenceChanged.class)).anySatisfy(p -> {
            assertThat(p.officerId()).isEqualTo("georgi");
            assertThat(p.to()).isEqualTo(Presence.AWAY);
            assertThat(p.reason()).contains("2 offers missed");
        });
        // nobody else of the AVRR team is present: the caller goes on to voicemail
        assertThat(eventsOf(ContactUnroutable.class)).extracting(ContactUnroutable::contactId).containsExactly("CA2");
    }

    @Test
    void shouldLetTheCallerGoWhenTheMaximumWaitIsReached() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        apply(router.answered(state, "CA1", "georgi", now));
        call("CA2", "avrr", "ru", Priority.NORMAL);
        events.clear();

        later(Duration.ofMinutes(2).plusSeconds(59));
        assertThat(eventsOf(ContactTimedOut.class)).isEmpty();
        later(Duration.ofSeconds(1));

        assertThat(eventsOf(ContactTimedOut.class)).singleElement()
                .satisfies(t -> assertThat(t.queueWait()).isEqualTo(Duration.ofMinutes(3)));
        assertThat(state.queues()).isEmpty();
    }

    @Test
    void shouldFreeTheOfficerWhenTheCallerHangsUpWhileRinging() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        later(Duration.ofSeconds(3));
        apply(router.abandon(state, "CA1", now));

        assertThat(eventsOf(OfferWithdrawn.class)).singleElement().satisfies(w -> assertThat(w.reason()).isEqualTo("caller hung up"));
        assertThat(eventsOf(ContactAbandoned.class)).singleElement()
                .satisfies(a -> assertThat(a.queueWait()).isEqualTo(Duration.ofSeconds(3)));
        OfficerStatus georgi = router.statusOf(state, "georgi");
        assertThat(georgi.offeredContact()).isNull();
        assertThat(georgi.missedOffers()).isZero();
        assertThat(georgi.effective(now, 3)).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void shouldOfferTheNextCallOnlyAfterTheWrapUp() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        apply(router.answered(state, "CA1", "georgi", now));
        call("CA2", "avrr", "ru", Priority.NORMAL);
        later(Duration.ofMinutes(2));
        apply(router.ended(state, "georgi", Channel.VOICE, "avrr", Duration.ofMinutes(2), now));
        events.clear();

        later(Duration.ofSeconds(29));
        assertThat(eventsOf(OfferMade.class)).isEmpty();
        later(Duration.ofSeconds(1));
        assertThat(eventsOf(OfferMade.class)).extracting(OfferMade::contactId).containsExactly("CA2");
    }

    @Test
    void shouldAssignChatsAtOnceUpToTheOfficersCapacity() {
        available("georgi");
        for (int i = 1; i <= 4; i++) {
            apply(router.enqueue(state, QueuedContact.waiting("WA" + i, Channel.CHAT, "avrr", "uk", Priority.NORMAL, "return", now), now));
        }
        assertThat(eventsOf(ContactAnswered.class)).extracting(ContactAnswered::contactId).containsExactly("WA1", "WA2", "WA3");
        assertThat(Router.position(state, "WA4")).contains(1);

        apply(router.ended(state, "georgi", Channel.CHAT, "avrr", null, now));
        assertThat(eventsOf(ContactAnswered.class)).extracting(ContactAnswered::contactId).contains("WA4");
    }

    @Test
    void shouldWithdrawARingingOfferWhenTheOfficerGoesAway() {
        available("elena", "nadia");
        call("CA1", "counter-trafficking", "en", Priority.NORMAL);
        String first = eventsOf(OfferMade.class).getFirst().officerId();
        events.clear();

        apply(router.setPresence(state, first, Presence.AWAY, "visit to Harmanli", now));

        assertThat(eventsOf(OfferWithdrawn.class)).singleElement().satisfies(w -> assertThat(w.reason()).isEqualTo("officer is away"));
        assertThat(eventsOf(OfferMade.class)).singleElement().satisfies(o -> assertThat(o.officerId()).isNotEqualTo(first));
        assertThat(eventsOf(PresenceChanged.class)).anySatisfy(p -> assertThat(p.reason()).isEqualTo("visit to Harmanli"));
    }

    @Test
    void shouldIgnoreARepeatedEnqueueAndALateAnswer() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        RoutingState afterFirst = state;
        call("CA1", "avrr", "ru", Priority.NORMAL);
        assertThat(state).isEqualTo(afterFirst);

        later(Duration.ofSeconds(20));
        Router.Outcome late = router.answered(state, "CA1", "georgi", now);
        assertThat(late.events()).isEmpty();
        assertThat(late.changed(state)).isFalse();
    }

    @Test
    void shouldEstimateTheWaitOnlyFromRealHandleTimes() {
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        apply(router.answered(state, "CA1", "georgi", now));
        call("CA2", "avrr", "ru", Priority.NORMAL);
        assertThat(router.estimatedWait(state, "CA2")).as("no history yet").isEmpty();

        apply(router.ended(state, "georgi", Channel.VOICE, "avrr", Duration.ofMinutes(4).plusSeconds(30), now));
        call("CA3", "avrr", "ru", Priority.NORMAL);
        // handle time 4:30 talk + 0:30 wrap-up; one officer present; CA3 is second in line
        assertThat(router.estimatedWait(state, "CA3")).contains(Duration.ofMinutes(10));
    }

    @Test
    void shouldCountEveryChangeInTheVersion() {
        long before = state.version();
        available("georgi");
        call("CA1", "avrr", "ru", Priority.NORMAL);
        assertThat(state.version()).isEqualTo(before + 2);
        assertThat(events).allSatisfy(e -> assertThat(e.version()).isEqualTo(state.version()));
    }

    @Test
    void shouldRefuseToDeclareBusy() {
        assertThatThrownBy(() -> router.setPresence(state, "georgi", Presence.BUSY, "x", now))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
