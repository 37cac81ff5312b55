package org.hotline.gateway.bench;

import java.time.Clock;
import java.util.Arrays;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;
import org.hotline.gateway.routing.Presence;
import org.hotline.gateway.routing.QueuedContact;
import org.hotline.gateway.routing.Router;
import org.hotline.gateway.routing.RoutingEvent;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.EncryptingSessionStore;
import org.hotline.gateway.state.RedisLockManager;
import org.hotline.gateway.state.RedisSessionStore;
import org.hotline.gateway.testing.TestRedis;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assignments per second on Redis, and the latency of one assignment: a call is queued and offered
 * (one locked change), answered (another), and the officer's call ends (a third). Starts its own
 * redis-server on a free port (TestRedis). Arguments: [warm-up calls] [measured calls].
 */
public final class RoutingBenchmark {

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try {
            // the shipped deployment without wrap-up: the benchmark measures routing, not officers resting
            var shipped = org.hotline.gateway.testing.Shipped.directory().config();
            var policy = new org.hotline.gateway.config.HotlineConfig.RoutingPolicy(shipped.routing().ringTimeout(),
                    shipped.routing().maxQueueWait(), java.time.Duration.ZERO, 2, 3, "offline");
            HotlineDirectory directory = new HotlineDirectory(new org.hotline.gateway.config.HotlineConfig(shipped.languages(),
                    shipped.teams(), shipped.officers(), shipped.schedules(), shipped.holidays(), policy, shipped.console(), shipped.organisations(), shipped.interpreters()));
            // its own redis-server on a free port, as the tests have it
            StringRedisTemplate template = TestRedis.template();
            RoutingService routing = new RoutingService(new EncryptingSessionStore(new RedisSessionStore(template), new PiiCipher(PiiCipher.newKey())),
                    new RedisLockManager(template), new Router(directory, Presence.OFFLINE), JsonMapper.builder().build(), e -> { },
                    Clock.systemUTC());
            directory.officers().forEach(o -> routing.setPresence(o.id(), Presence.AVAILABLE, "bench"));

            run(routing, warmup, null);
            long[] latencies = new long[measured];
            long start = System.nanoTime();
            run(routing, measured, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("routing on Redis: %d calls queued, offered, answered and ended in %.2f s%n", measured, seconds);
            System.out.printf("assignments: %.0f per second (each one queue + offer under the routing lock)%n", measured / seconds);
            System.out.printf("one assignment (enqueue -> offer): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    latencies[measured / 2] / 1e6, latencies[(int) (measured * 0.99)] / 1e6, latencies[measured - 1] / 1e6);
        } finally {
            TestRedis.stop();
        }
    }

    private static void run(RoutingService routing, int calls, long[] latencies) {
        for (int i = 0; i < calls; i++) {
            String contact = "CA-" + (latencies == null ? "w" : "m") + i;
            long begin = System.nanoTime();
            Router.Outcome outcome = routing.enqueue(QueuedContact.waiting(contact, Channel.VOICE, "counter-trafficking", "en",
                    Priority.NORMAL, "trafficking", Clock.systemUTC().instant()));
            if (latencies != null) {
                latencies[i] = System.nanoTime() - begin;
            }
            RoutingEvent.OfferMade offer = outcome.events().stream().filter(e -> e instanceof RoutingEvent.OfferMade)
                    .map(e -> (RoutingEvent.OfferMade) e).findFirst().orElseThrow(() -> new IllegalStateException("no offer"));
            routing.answered(contact, offer.officerId());
            routing.ended(offer.officerId(), Channel.VOICE, null, null);
        }
    }
}
