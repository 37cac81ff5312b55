package org.hotline.caseconnector.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a delivery worker's rounds on its own thread while the application runs; on shutdown it
 * finishes the round in hand. Anything not acknowledged is delivered after the next start (or by
 * another instance). The case connector's worker and the gateway's chat sender both run in one.
 */
public class DeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final String name;
    private final Runnable round;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    public DeliveryLoop(DeliveryWorker worker, boolean enabled) {
        this("case-delivery", () -> worker.runOnce(50, Duration.ofMillis(500)), enabled);
    }

    /** {@code round} takes what is due and delivers it, waiting briefly when there is nothing. */
    public DeliveryLoop(String name, Runnable round, boolean enabled) {
        this.name = name;
        this.round = round;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::loop);
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            try {
                round.run();
                failuresInARow = 0;
            } catch (RuntimeException e) {
                // the outbox store itself failed: wait a little and try again; items stay in the outbox
                if (failuresInARow++ % 60 == 0) {
                    log.warn("{} could not read its queue: {}", name, e.toString());
                }
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
