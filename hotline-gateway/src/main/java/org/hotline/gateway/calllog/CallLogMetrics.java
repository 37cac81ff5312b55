package org.hotline.gateway.calllog;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Contacts by channel, outcome, language and topic, counted as each call or conversation is logged. */
@Component
class CallLogMetrics {

    private final MeterRegistry registry;

    CallLogMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(CallRecord record) {
        registry.counter("hotline.contacts",
                "channel", record.channel().wireName(),
                "outcome", record.outcome().wireName(),
                "language", record.language() == null ? "none" : record.language(),
                "topic", record.topic() == null ? "none" : record.topic()).increment();
    }
}
