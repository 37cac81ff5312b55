package org.hotline.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long webhooks take, by provider and status class ({@code hotline.webhooks.duration}): one
 * timer per request instead of the servlet observation (its context, key values and long-task
 * timer cost a webhook as much as the signature check), which {@link #NOT_OBSERVED} leaves to the
 * console, the API and everything else.
 */
public class WebhookTimer extends OncePerRequestFilter {

    /** The paths the servlet observation ({@code http.server.requests}) skips: this filter times them. */
    public static final String NOT_OBSERVED = WebhookPaths.PREFIX;
    private static final List<String> PROVIDERS = List.of("twilio", "viber", "telegram");

    private final MeterRegistry metrics;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public WebhookTimer(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WebhookPaths.isUnder(request, NOT_OBSERVED);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String path = WebhookPaths.routed(request);
            String provider = PROVIDERS.stream().filter(p -> WebhookPaths.isUnder(path, NOT_OBSERVED + p)).findFirst().orElse("other");
            String status = (response.getStatus() / 100) + "xx";
            timers.computeIfAbsent(provider + " " + status, key -> Timer.builder("hotline.webhooks.duration")
                            .description("time to answer a provider's webhook").tag("provider", provider).tag("status", status)
                            .register(metrics))
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
