package org.hotline.gateway.voice.asterisk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.manager.event.AgentCompleteEvent;

/**
 * How long officers talked, from AMI's AgentComplete, for the FastAGI call that waits to write its
 * record: the event and the end of the Queue application come at nearly the same moment, in either
 * order, so whichever comes first leaves a slot the other fills.
 */
public class TalkTimes {

    private static final Duration KEEP = Duration.ofMinutes(2);

    private record Slot(CompletableFuture<Duration> talk, Instant created) {}

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;

    public TalkTimes(Clock clock) {
        this.clock = clock;
    }

    public void onAgentComplete(AgentCompleteEvent event) {
        if (event.getUniqueId() != null && event.getTalkTime() != null) {
            slot(event.getUniqueId()).talk().complete(Duration.ofSeconds(event.getTalkTime()));
        }
    }

    /** The talk time of the call with this Asterisk unique id, waiting at most {@code wait} for it. */
    public Optional<Duration> await(String uniqueId, Duration wait) {
        try {
            return Optional.of(slot(uniqueId).talk().get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            slots.remove(uniqueId);
        }
    }

    private Slot slot(String uniqueId) {
        Instant now = clock.instant();
        // events for calls nobody waits for (answered outside the gateway's flow) must not pile up
        slots.values().removeIf(s -> s.created().plus(KEEP).isBefore(now));
        return slots.computeIfAbsent(uniqueId, id -> new Slot(new CompletableFuture<>(), now));
    }
}
