package org.hotline.gateway.routing;

import org.hotline.gateway.testing.Shipped;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.EncryptingSessionStore;
import org.hotline.gateway.state.RedisLockManager;
import org.hotline.gateway.state.RedisSessionStore;
import org.hotline.gateway.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two routing services, as two gateway instances, each with its own Redis connection, share one
 * Redis under concurrent load. Every change must be decided on the latest state (no two changes
 * share a version: no lost update), and no officer is ever offered two callers or given two calls.
 */
@ExtendWith(TestRedis.class)
class RoutingOnSharedRedisTest {

    private static final List<String> TEAMS_LANGUAGES = List.of("avrr:ru", "avrr:en", "counter-trafficking:en",
            "counter-trafficking:ar", "protection:ar", "protection:fa", "visa-centre:tr");

    @Test
    void shouldNeverGiveOneOfficerTwoCallersWhenTwoInstancesRouteAtOnce() throws Exception {
        byte[] key = PiiCipher.newKey();
        List<RoutingService> instances = List.of(instance(key), instance(key));
        List<Router.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Shipped.directory().officers().forEach(o -> outcomes.add(instances.get(0).setPresence(o.id(), Presence.AVAILABLE, "start")));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        Map<String, String> offered = new ConcurrentHashMap<>();
        for (int worker = 0; worker < 8; worker++) {
            RoutingService routing = instances.get(worker % 2);
            int seed = worker;
            work.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < 60; i++) {
                    String contact = "CA-" + seed + "-" + i;
                    String[] teamLanguage = TEAMS_LANGUAGES.get(random.nextInt(TEAMS_LANGUAGES.size())).split(":");
                    Router.Outcome enqueued = routing.enqueue(QueuedContact.waiting(contact, Channel.VOICE, teamLanguage[0],
                            teamLanguage[1], random.nextBoolean() ? Priority.URGENT : Priority.NORMAL, "topic", Clock.systemUTC().instant()));
                    outcomes.add(enqueued);
                    record(enqueued, offered);
                    // an officer answers, misses, or the caller hangs up; ended calls free officers again
                    for (var entry : List.copyOf(offered.entrySet())) {
                        if (offered.remove(entry.getKey(), entry.getValue())) {
                            int what = random.nextInt(4);
                            Router.Outcome outcome = switch (what) {
                                case 0, 1 -> routing.answered(entry.getKey(), entry.getValue());
                                case 2 -> routing.noAnswer(entry.getKey(), entry.getValue(), "declined");
                                default -> routing.abandon(entry.getKey());
                            };
                            outcomes.add(outcome);
                            record(outcome, offered);
                            if (what < 2) {
                                Router.Outcome ended = routing.ended(entry.getValue(), Channel.VOICE, null, Duration.ofSeconds(1));
                                outcomes.add(ended);
                                record(ended, offered);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // a lost update shows as two different states written under one version
        Map<Long, RoutingState> byVersion = new java.util.HashMap<>();
        for (Router.Outcome outcome : outcomes) {
            RoutingState other = byVersion.putIfAbsent(outcome.state().version(), outcome.state());
            assertThat(other == null || other.equals(outcome.state()))
                    .as("one state per version (version %d)", outcome.state().version()).isTrue();
        }
        long newest = byVersion.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(instances.get(1).snapshot().version()).as("the stored state is the newest").isEqualTo(newest);

        for (Router.Outcome outcome : outcomes) {
            for (OfficerStatus officer : outcome.state().officers().values()) {
                long ringing = outcome.state().queues().values().stream().flatMap(List::stream)
                        .filter(c -> officer.officerId().equals(c.offeredTo())).count();
                assertThat(ringing).as("offers to %s at version %d", officer.officerId(), outcome.state().version()).isLessThanOrEqualTo(1);
                assertThat(officer.calls()).as("calls of %s", officer.officerId()).isLessThanOrEqualTo(1);
                if (officer.offeredContact() != null) {
                    assertThat(officer.calls()).as("%s offered while on a call", officer.officerId()).isZero();
                }
            }
        }
        long offers = outcomes.stream().flatMap(o -> o.events().stream()).filter(e -> e instanceof RoutingEvent.OfferMade).count();
        assertThat(offers).as("the load really offered calls").isGreaterThan(100);
    }

    private static void record(Router.Outcome outcome, Map<String, String> offered) {
        outcome.events().forEach(e -> {
            if (e instanceof RoutingEvent.OfferMade offer) {
                offered.put(offer.contactId(), offer.officerId());
            }
        });
    }

    /** The shipped deployment with no wrap-up and patient officers, so the load keeps offering calls. */
    private static org.hotline.gateway.config.HotlineDirectory busyDirectory() {
        var c = Shipped.directory().config();
        var policy = new org.hotline.gateway.config.HotlineConfig.RoutingPolicy(Duration.ofSeconds(20), Duration.ofMinutes(3),
                Duration.ZERO, 1_000_000, 3, "offline");
        return new org.hotline.gateway.config.HotlineDirectory(new org.hotline.gateway.config.HotlineConfig(
                c.languages(), c.teams(), c.officers(), c.schedules(), c.holidays(), policy, c.console(), c.organisations(), c.interpreters()));
    }

    private static RoutingService instance(byte[] key) {
        var uri = java.net.URI.create(TestRedis.url());
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        return new RoutingService(new EncryptingSessionStore(new RedisSessionStore(redis), new PiiCipher(key)),
                new RedisLockManager(redis), new Router(busyDirectory(), Presence.OFFLINE), JsonMapper.builder().build(),
                event -> { }, Clock.systemUTC());
    }
}
