package org.hotline.caseconnector.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.DeliveryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.NonTransientDataAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the outbox to the case store: an item is acknowledged only after the store took it, so a
 * crash in between delivers it again, and the store's idempotency (the item id) keeps it single.
 * Failures that may pass are retried with backoff until the horizon; refusals become dead letters.
 * Several workers may share one outbox (a consumer group): each item goes to one of them.
 */
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final OutboxSource outbox;
    private final CaseStore store;
    private final DeadLetters deadLetters;
    private final RetryPolicy retry;
    private final JsonMapper json;
    private final Clock clock;
    private final Consumer<Referral> onDelivered;
    /** This worker's own items that failed and wait for their next try. */
    private final Map<String, OutboxSource.Item> retrying = new ConcurrentHashMap<>();
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public DeliveryWorker(OutboxSource outbox, CaseStore store, DeadLetters deadLetters, RetryPolicy retry, JsonMapper json,
                          Clock clock, Consumer<Referral> onDelivered) {
        this.outbox = outbox;
        this.store = store;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.json = json;
        this.clock = clock;
        this.onDelivered = onDelivered;
    }

    /**
     * One round: this worker's retries that are due, items a dead worker left, then new items;
     * returns how many were delivered or dead-lettered.
     */
    public int runOnce(int batch, Duration wait) {
        Instant now = clock.instant();
        List<OutboxSource.Item> items = new ArrayList<>(retrying.values().stream()
                .filter(i -> !now.isBefore(notBefore.getOrDefault(i.id(), now))).limit(batch).toList());
        outbox.stale(retry.reclaimAfter(), batch).stream().filter(i -> !retrying.containsKey(i.id())).forEach(items::add);
        items.addAll(outbox.next(batch, items.isEmpty() && retrying.isEmpty() ? wait : Duration.ZERO));
        int finished = 0;
        for (OutboxSource.Item item : items) {
            if (handle(item)) {
                finished++;
            }
        }
        return finished;
    }

    /**
     * Delivers one item. Whatever goes wrong with it is this item's fate alone (a retry or a dead
     * letter) and the round goes on with the others: one bad item never blocks delivery. Only the
     * outbox itself failing (the acknowledgement) ends the round.
     */
    private boolean handle(OutboxSource.Item item) {
        try {
            switch (item.type()) {
                case OutboxSource.REFERRAL -> {
                    Referral referral = json.readValue(item.payload(), Referral.class);
                    store.deliver(referral);
                    onDelivered.accept(referral);
                }
                case OutboxSource.CALL_RECORD -> store.deliver(json.readValue(item.payload(), CallSummary.class));
                default -> throw new DeliveryException(DeliveryException.Kind.REJECT, "unknown outbox item type '" + item.type() + "'");
            }
        } catch (DeliveryException e) {
            return e.kind() == DeliveryException.Kind.REJECT ? deadLetter(item, e.getMessage()) : later(item, e.getMessage());
        } catch (JacksonException | Referral.InvalidReferralException | NullPointerException | IllegalArgumentException e) {
            return deadLetter(item, "cannot read the item: " + e.getMessage());
        } catch (NonTransientDataAccessException e) {
            // the store's database will never take it as it is (a value longer than its column, say)
            return deadLetter(item, "the " + store.name() + " store cannot keep it: " + shortly(e.getMostSpecificCause()));
        } catch (RuntimeException e) {
            // unexpected, and perhaps passing: retried with backoff, a dead letter after the horizon
            return later(item, "unexpected failure: " + shortly(e));
        }
        finish(item);
        return true;
    }

    private static String shortly(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private boolean later(OutboxSource.Item item, String reason) {
        Instant now = clock.instant();
        if (now.toEpochMilli() - item.firstSeenMillis() > retry.horizon().toMillis()) {
            return deadLetter(item, "gave up after " + retry.horizon() + " of retries; last: " + reason);
        }
        int failed = failures.merge(item.id(), 1, Integer::sum);
        Duration delay = retry.delayAfter(failed);
        notBefore.put(item.id(), now.plus(delay));
        retrying.put(item.id(), item);
        log.warn("{} to the {} case store failed ({} time(s)); next try in {} s: {}", item.type(), store.name(), failed,
                delay.toSeconds(), reason);
        return false;
    }

    private boolean deadLetter(OutboxSource.Item item, String reason) {
        deadLetters.add(item, store.name(), reason);
        log.error("{} {} refused by the {} case store; kept as a dead letter: {}", item.type(), item.id(), store.name(), reason);
        finish(item);
        return true;
    }

    private void finish(OutboxSource.Item item) {
        outbox.done(item.id());
        retrying.remove(item.id());
        notBefore.remove(item.id());
        failures.remove(item.id());
    }
}
