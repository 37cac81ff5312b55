package org.hotline.gateway.routing;

import org.hotline.gateway.testing.Shipped;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.routing.AssignmentPolicy.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The assignment policy as a table, on the shipped officers:
 * elena (bg en ru; counter-trafficking), nadia (ar en fr; counter-trafficking, protection),
 * interpreter-desk (bg en; counter-trafficking, avrr, protection; works with interpreters),
 * georgi (bg en ru uk; avrr), ahmad (fa prs ps ur en; avrr, counter-trafficking),
 * mobile-team-1 (bg en ar ku), mobile-team-2 (bg en fa prs ur), mobile-team-3 (bg tr ku en) in protection,
 * visa-desk (bg en ru tr; visa-centre).
 *
 * <p>Officer column: {@code id:state[:minutes idle]}, state A available, B on a call, W wrap-up,
 * R ringing with another offer, C at chat capacity, c one chat short of it, away, O offline.
 * Officers not named are offline.
 */
class AssignmentPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            team and language match                    | counter-trafficking | ar | normal | voice |                  | nadia:A:1 elena:A:9                          | offer nadia LANGUAGE_MATCH
            longest idle first                         | counter-trafficking | en | normal | voice |                  | elena:A:2 nadia:A:9 ahmad:A:5                | offer nadia LANGUAGE_MATCH
            equally idle: configuration order          | counter-trafficking | en | normal | voice |                  | nadia:A:5 elena:A:5                          | offer elena LANGUAGE_MATCH
            an officer who rang out is not tried again  | counter-trafficking | en | normal | voice | nadia            | elena:A:1 nadia:A:9                          | offer elena LANGUAGE_MATCH
            nobody speaks it: interpreter desk         | counter-trafficking | tr | normal | voice |                  | interpreter-desk:A:1 elena:A:5               | offer interpreter-desk INTERPRETER
            no interpreter for it: overflow            | counter-trafficking | uk | normal | voice |                  | interpreter-desk:A:1 elena:A:5               | overflow +359884602185,+359884605184,+359892212194
            a chat: interpreter desk all the same      | counter-trafficking | uk | normal | chat  |                  | interpreter-desk:A:1 elena:A:5               | offer interpreter-desk INTERPRETER
            a speaker is busy: wait for them           | counter-trafficking | ar | normal | voice |                  | nadia:B interpreter-desk:A:1                 | wait
            urgent: another team's speaker first       | counter-trafficking | tr | urgent | voice |                  | visa-desk:A:3 interpreter-desk:A:1           | offer visa-desk CROSS_TEAM_LANGUAGE
            normal: no other team, no one here         | counter-trafficking | tr | normal | voice |                  | visa-desk:A:3                                | overflow +359884602185,+359884605184,+359892212194
            no one present, no overflow: nobody        | visa-centre         | en | normal | voice |                  |                                              | nobody
            a chat waits even when nobody is present   | visa-centre         | en | normal | chat  |                  |                                              | wait
            no one present: overflow to mobiles        | protection          | ar | normal | voice |                  | georgi:A:1                                   | overflow +359884602185,+359884605184,+359892212194
            wrap-up: no call yet, but wait             | avrr                | ru | normal | voice |                  | georgi:W                                     | wait
            ringing with another offer: wait           | avrr                | ru | normal | voice |                  | georgi:R                                     | wait
            at chat capacity: the chat waits           | avrr                | ru | normal | chat  |                  | georgi:C                                     | wait
            below chat capacity: chat offered          | avrr                | ru | normal | chat  |                  | georgi:c                                     | offer georgi LANGUAGE_MATCH
            on a call, a chat can still come           | avrr                | ru | normal | chat  |                  | georgi:B                                     | offer georgi LANGUAGE_MATCH
            away and offline officers are not offered  | avrr                | ru | normal | voice |                  | georgi:away ahmad:O                          | nobody
            every present speaker rang out             | counter-trafficking | en | normal | voice | elena nadia ahmad interpreter-desk | elena:A:1 nadia:A:2 ahmad:A:3 interpreter-desk:A:4 | overflow +359884602185,+359884605184,+359892212194
            interpreter desk rang out, speaker busy    | counter-trafficking | ar | normal | voice | interpreter-desk | nadia:B interpreter-desk:A:9                 | wait
            """)
    void shouldDecideWhoGetsTheContact(String rule, String team, String language, String priority, String channel,
                                       String tried, String officers, String expected) {
        QueuedContact contact = new QueuedContact("CA1", Channel.valueOf(channel.toUpperCase()), team, language,
                Priority.valueOf(priority.toUpperCase()), "topic", NOW.minusSeconds(30),
                tried == null ? Set.of() : Set.of(tried.split(" ")), null, null);

        Decision decision = AssignmentPolicy.decide(contact, Shipped.directory(), statuses(officers), NOW, 3);

        assertThat(describe(decision)).as(rule).isEqualTo(expected);
    }

    static Map<String, OfficerStatus> statuses(String spec) {
        Map<String, OfficerStatus> statuses = new HashMap<>();
        Shipped.directory().officers().forEach(o -> statuses.put(o.id(), OfficerStatus.initial(o.id(), Presence.OFFLINE)));
        if (spec == null) {
            return statuses;
        }
        for (String entry : spec.trim().split("\\s+")) {
            String[] parts = entry.split(":");
            String id = parts[0];
            Instant free = parts.length > 2 ? NOW.minus(Duration.ofMinutes(Long.parseLong(parts[2]))) : NOW.minusSeconds(60);
            OfficerStatus status = switch (parts[1]) {
                case "A" -> new OfficerStatus(id, Presence.AVAILABLE, 0, 0, null, null, free, Instant.EPOCH, 0, Presence.AVAILABLE);
                case "B" -> new OfficerStatus(id, Presence.AVAILABLE, 1, 0, null, null, free, Instant.EPOCH, 0, Presence.BUSY);
                case "W" -> new OfficerStatus(id, Presence.AVAILABLE, 0, 0, null, null, free, NOW.plusSeconds(20), 0, Presence.BUSY);
                case "R" -> new OfficerStatus(id, Presence.AVAILABLE, 0, 0, "CA0", NOW, free, Instant.EPOCH, 0, Presence.BUSY);
                case "C" -> new OfficerStatus(id, Presence.AVAILABLE, 0, 3, null, null, free, Instant.EPOCH, 0, Presence.BUSY);
                case "c" -> new OfficerStatus(id, Presence.AVAILABLE, 0, 2, null, null, free, Instant.EPOCH, 0, Presence.AVAILABLE);
                case "away" -> OfficerStatus.initial(id, Presence.AWAY);
                case "O" -> OfficerStatus.initial(id, Presence.OFFLINE);
                default -> throw new IllegalArgumentException(entry);
            };
            statuses.put(id, status);
        }
        return statuses;
    }

    static String describe(Decision decision) {
        return switch (decision) {
            case AssignmentPolicy.Offer o -> "offer " + o.officerId() + " " + o.reason();
            case AssignmentPolicy.Overflow o -> "overflow " + String.join(",", o.numbers());
            case AssignmentPolicy.Wait w -> "wait";
            case AssignmentPolicy.Nobody n -> "nobody";
        };
    }

}
