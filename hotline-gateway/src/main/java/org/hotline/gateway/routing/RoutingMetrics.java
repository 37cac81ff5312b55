package org.hotline.gateway.routing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routing in numbers at /actuator/prometheus: queue wait and ring time histograms, officers by
 * presence, contacts waiting per team, and the share of queued callers who hung up before an answer.
 */
@Component
class RoutingMetrics {

    private final MeterRegistry registry;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    RoutingMetrics(MeterRegistry registry, RoutingService routing, HotlineDirectory directory, Clock clock) {
        this.registry = registry;
        int chatCapacity = directory.config().routing().chatCapacity();
        for (Presence presence : Presence.values()) {
            Gauge.builder("hotline.officers", () -> directory.officers().stream()
                            .filter(o -> routing.router().statusOf(routing.snapshot(), o.id()).effective(clock.instant(), chatCapacity) == presence)
                            .count())
                    .tag("presence", presence.wireName()).description("Officers by presence").register(registry);
        }
        for (HotlineConfig.Team team : directory.teams()) {
            Gauge.builder("hotline.queue.waiting", () -> routing.snapshot().queue(team.id()).size())
                    .tag("team", team.id()).description("Contacts waiting in the team's queue").register(registry);
        }
        Gauge.builder("hotline.queue.abandonment.ratio", () -> {
            long total = answered.get() + abandoned.get();
            return total == 0 ? 0.0 : (double) abandoned.get() / total;
        }).description("Queued callers who hung up before an answer, since start").register(registry);
    }

    @EventListener
    void on(RoutingEvent event) {
        switch (event) {
            case RoutingEvent.ContactAnswered a -> {
                answered.incrementAndGet();
                queueWait(a.team(), "answered").record(a.queueWait());
                Timer.builder("hotline.ring.time").tag("team", a.team()).publishPercentileHistogram()
                        .description("From offer to answer").register(registry).record(a.ringTime());
            }
            case RoutingEvent.ContactAbandoned a -> {
                abandoned.incrementAndGet();
                queueWait(a.team(), "abandoned").record(a.queueWait());
            }
            case RoutingEvent.ContactTimedOut t -> queueWait(t.team(), "timed_out").record(t.queueWait());
            case RoutingEvent.OfferWithdrawn w -> registry.counter("hotline.offers.unanswered", "reason", w.reason().startsWith("officer is")
                    ? "officer_left" : w.reason().replace(' ', '_')).increment();
            default -> { }
        }
    }

    private Timer queueWait(String team, String result) {
        return Timer.builder("hotline.queue.wait").tag("team", team).tag("result", result).publishPercentileHistogram()
                .description("Time in the queue").register(registry);
    }
}
