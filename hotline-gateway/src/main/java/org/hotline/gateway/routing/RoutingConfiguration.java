package org.hotline.gateway.routing;

import java.time.Clock;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    Router router(HotlineDirectory directory) {
        return new Router(directory, Presence.valueOf(directory.config().routing().initialPresence().toUpperCase()));
    }

    @Bean
    RoutingService routingService(SessionStore store, LockManager locks, Router router, JsonMapper json,
                                  ApplicationEventPublisher publisher, Clock clock) {
        return new RoutingService(store, locks, router, json, publisher, clock);
    }

    @Bean
    TeamOverrides teamOverrides(RoutingService routing, HotlineDirectory directory, org.hotline.gateway.audit.AuditTrail audit,
                                java.time.Clock clock) {
        return new TeamOverrides(routing, directory, audit, clock);
    }

    @Bean
    TeamHours teamHours(HotlineDirectory directory, RoutingService routing) {
        return new TeamHours(directory, routing);
    }

    @Bean
    RoutingTicker routingTicker(RoutingService routing) {
        return new RoutingTicker(routing);
    }

    /** Time passing in routing: offers ringing out, queue waits ending, wrap-ups over. Every instance ticks; the lock serializes. */
    static class RoutingTicker {
        private final RoutingService routing;
        private int failuresInARow;

        RoutingTicker(RoutingService routing) {
            this.routing = routing;
        }

        @Scheduled(fixedDelayString = "${hotline.routing.tick:1s}")
        void tick() {
            try {
                routing.tick();
                if (failuresInARow > 0) {
                    log.info("routing ticks again after {} failed tick(s)", failuresInARow);
                    failuresInARow = 0;
                }
            } catch (RuntimeException e) {
                // the next tick retries: warn when it starts failing and once a minute while it does
                if (failuresInARow++ % 60 == 0) {
                    log.warn("routing tick failed ({} in a row): {}", failuresInARow, e.toString());
                }
            }
        }
    }
}
