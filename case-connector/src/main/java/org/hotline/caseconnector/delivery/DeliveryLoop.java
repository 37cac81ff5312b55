package org.hotline.caseconnector.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the delivery worker on its own thread while the gateway runs; on shutdown it finishes the
 * item in hand. Anything not acknowledged is delivered after the next start (or by another instance).
 */
public class DeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final DeliveryWorker worker;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    public DeliveryLoop(DeliveryWorker worker, boolean enabled) {
        this.worker = worker;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("case-delivery").start(this::loop);
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            try {
                worker.runOnce(50, Duration.ofMillis(500));
                failuresInARow = 0;
            } catch (RuntimeException e) {
                // the outbox store itself failed: wait a little and try again; items stay in the outbox
                if (failuresInARow++ % 60 == 0) {
                    log.warn("case delivery could not read the outbox: {}", e.toString());
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
