package org.hotline.gateway.routing;

import java.time.Duration;
import org.hotline.gateway.flow.Channel;

/** What routing decided; channels and the call log react to these. {@code version} orders them across instances. */
public sealed interface RoutingEvent {

    long version();

    /** A contact joined its team's queue (it may be offered or assigned in the same change). */
    record ContactQueued(long version, String contactId, Channel channel, String team) implements RoutingEvent {}

    /** Ring {@code officerId} for this contact (voice: place the officer's call and whisper the context). */
    record OfferMade(long version, String contactId, String officerId, Channel channel, String team, String language,
                     String topic, boolean urgent) implements RoutingEvent {}

    /** The offer ended without an answer (rang out, declined, or the officer went away). */
    record OfferWithdrawn(long version, String contactId, String officerId, String team, String reason) implements RoutingEvent {}

    record ContactAnswered(long version, String contactId, String officerId, Channel channel, String team,
                           Duration queueWait, Duration ringTime) implements RoutingEvent {}

    /** Nobody could take it: voice calls go to an overflow number, if the team has one left. */
    record ContactOverflowed(long version, String contactId, String team, String number) implements RoutingEvent {}

    /** No officer of the team is present: the flow goes on (to voicemail). */
    record ContactUnroutable(long version, String contactId, String team) implements RoutingEvent {}

    record ContactTimedOut(long version, String contactId, String team, Duration queueWait) implements RoutingEvent {}

    record ContactAbandoned(long version, String contactId, String team, Duration queueWait) implements RoutingEvent {}

    record PresenceChanged(long version, String officerId, Presence from, Presence to, String reason) implements RoutingEvent {}
}
