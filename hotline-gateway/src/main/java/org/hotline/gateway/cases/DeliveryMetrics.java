package org.hotline.gateway.cases;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.springframework.stereotype.Component;

/**
 * The delivery backlog, for the operators' dashboard: referrals and call records taken from the
 * outbox but not yet confirmed by the case store (retried while it is down), and the dead letters
 * waiting for a supervisor. Read when scraped.
 */
@Component
class DeliveryMetrics {

    DeliveryMetrics(MeterRegistry registry, StreamOutboxSource outbox, DeadLetters deadLetters) {
        Gauge.builder("hotline.delivery.backlog", outbox::backlog)
                .description("Outbox items handed to the delivery worker and not yet confirmed by the case store").register(registry);
        Gauge.builder("hotline.delivery.dead.letters", deadLetters::waiting)
                .description("Dead letters waiting for a supervisor's replay").register(registry);
    }
}
