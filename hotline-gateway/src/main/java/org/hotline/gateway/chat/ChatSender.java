package org.hotline.gateway.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.hotline.caseconnector.delivery.RetryPolicy;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.StateWrite;
import org.hotline.gateway.state.StreamStore;
import org.hotline.gateway.state.StreamStore.StreamEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable outbound queue: replies wait in a stream of the state store until their provider has
 * taken them, so a provider outage delays replies and loses none. One conversation's messages go
 * strictly in order (a failed one holds back those after it); different conversations are sent in
 * parallel. Outages, rate limits and timeouts are retried with backoff within the horizon; a refusal
 * (a blocked or unknown receiver) marks the message failed, for the officer to see.
 */
public class ChatSender {

    public static final String STREAM = "chat:outbound";
    static final String GROUP = "chat-senders";
    static final String TYPE = "chat-message";
    /** A message queued again by a change that finishes an earlier attempt's effects: it may have gone already. */
    static final String TYPE_AGAIN = "chat-message-again";

    private static final Logger log = LoggerFactory.getLogger(ChatSender.class);

    /** What becomes of a message: the conversation's transcript records it. */
    public interface Results {
        /** False when the message went already (queued twice by a retried webhook). */
        boolean stillToSend(OutboundMessage message);

        void sent(OutboundMessage message, String providerMessageId);

        void failed(OutboundMessage message, String reason);
    }

    /**
     * A message read from the stream. {@code check}: it may have gone already, so its record is read
     * before it is sent: it was queued again, or it is read again (claimed from a sender that died, or
     * sent and not yet acknowledged). A message queued once and read for the first time cannot have
     * gone: it goes without that read.
     */
    private record Pending(String streamId, OutboundMessage message, Instant firstTried, boolean check) {}

    private final StreamStore streams;
    private final List<ProviderClient> providers;
    private final RetryPolicy retry;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService executor;
    private final String consumer;
    private Results results;
    /** Per conversation, the messages read from the stream and not yet sent, oldest first. */
    private final Map<String, Deque<Pending>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public ChatSender(StreamStore streams, List<ProviderClient> providers, RetryPolicy retry, JsonMapper json, Clock clock,
                      ExecutorService executor, String consumer) {
        this.streams = streams;
        this.providers = List.copyOf(providers);
        this.retry = retry;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
        this.consumer = consumer;
        streams.ensureGroup(STREAM, GROUP);
    }

    public void reportTo(Results results) {
        this.results = results;
    }

    /** A message as the queue takes it: appended with the change that wrote it, in the same step. */
    static StateWrite.Append queued(OutboundMessage message) {
        return new StateWrite.Append(STREAM, TYPE, message.toText());
    }

    /** A message queued again (a retried webhook finishing what an earlier attempt saved): checked before it goes. */
    static StateWrite.Append queuedAgain(OutboundMessage message) {
        return new StateWrite.Append(STREAM, TYPE_AGAIN, message.toText());
    }

    /**
     * Sends for a while if this instance holds the sender's lock: one instance sends at a time, so a
     * conversation's messages leave in order whichever instance queued them. Otherwise waits a turn.
     */
    public void runWhileLeading(LockManager locks, Duration turn, int batch, Duration wait) {
        var lock = locks.tryLock("chat:sender", turn.multipliedBy(3), Duration.ZERO);
        if (lock.isEmpty()) {
            sleep(turn);
            return;
        }
        try (var held = lock.get()) {
            long until = System.nanoTime() + turn.toNanos();
            while (System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
                runOnce(batch, wait);
            }
        }
    }

    /** One round: take new messages (and a dead instance's), then send every conversation's due messages. */
    public int runOnce(int batch, Duration wait) {
        List<StreamEntry> entries = new ArrayList<>(streams.claimStale(STREAM, GROUP, consumer, retry.reclaimAfter(), batch));
        boolean idle = waiting.isEmpty() && entries.isEmpty();
        entries.addAll(streams.readNew(STREAM, GROUP, consumer, batch, idle ? wait : Duration.ZERO));
        Instant now = clock.instant();
        for (StreamEntry entry : entries) {
            OutboundMessage message = OutboundMessage.fromText(entry.payload(), json);
            Deque<Pending> queue = waiting.computeIfAbsent(message.conversationId(), id -> new ArrayDeque<>());
            if (queue.stream().noneMatch(p -> p.streamId().equals(entry.id()))) {
                queue.add(new Pending(entry.id(), message, now, entry.deliveries() != 1 || TYPE_AGAIN.equals(entry.type())));
            }
        }
        List<Callable<Integer>> due = new ArrayList<>();
        // acknowledged together after the round: an entry sent but not yet acknowledged when the
        // gateway dies is claimed again and found sent (stillToSend), so nothing goes twice
        java.util.Queue<String> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
        waiting.forEach((conversation, queue) -> {
            if (!now.isBefore(notBefore.getOrDefault(conversation, now))) {
                due.add(() -> sendInOrder(conversation, queue, finished));
            }
        });
        if (due.isEmpty()) {
            if (!idle && entries.isEmpty()) {
                sleep(Duration.ofMillis(Math.min(200, wait.toMillis())));
            }
            return 0;
        }
        int sent = 0;
        try {
            for (var future : executor.invokeAll(due)) {
                sent += future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("sending chat messages failed", e.getCause());
        } finally {
            streams.ack(STREAM, GROUP, List.copyOf(finished));
        }
        return sent;
    }

    private int sendInOrder(String conversation, Deque<Pending> queue, java.util.Queue<String> finished) {
        int done = 0;
        while (!queue.isEmpty()) {
            Pending pending = queue.peekFirst();
            if (!sendOne(conversation, pending)) {
                return done;
            }
            queue.pollFirst();
            finished.add(pending.streamId());
            failures.remove(conversation);
            notBefore.remove(conversation);
            done++;
        }
        waiting.remove(conversation, queue);
        return done;
    }

    /** True when the message is finished with (sent or refused); false when it must be tried again later. */
    private boolean sendOne(String conversation, Pending pending) {
        OutboundMessage message = pending.message();
        ProviderClient provider = providers.stream().filter(p -> p.sends(message.channel())).findFirst().orElse(null);
        try {
            if (provider == null) {
                results.failed(message, "no " + message.channel().wireName() + " provider is configured");
                return true;
            }
            if (pending.check() && !results.stillToSend(message)) {
                return true;
            }
            String id = provider.send(message);
            results.sent(message, id);
            return true;
        } catch (ProviderClient.SendException e) {
            if (!e.retry()) {
                log.warn("{} message {} refused: {}", message.channel().wireName(), message.entryId(), e.getMessage());
                results.failed(message, e.getMessage());
                return true;
            }
            return later(conversation, pending, e.getMessage());
        } catch (RuntimeException e) {
            // the state store failed while recording: the message stays queued
            return later(conversation, pending, "the state store failed: " + e);
        }
    }

    private boolean later(String conversation, Pending pending, String reason) {
        OutboundMessage message = pending.message();
        Instant now = clock.instant();
        if (Duration.between(pending.firstTried(), now).compareTo(retry.horizon()) > 0) {
            results.failed(message, "gave up after " + retry.horizon() + " of retries; last: " + reason);
            return true;
        }
        int failed = failures.merge(conversation, 1, Integer::sum);
        Duration delay = retry.delayAfter(failed);
        notBefore.put(conversation, now.plus(delay));
        log.warn("{} message {} not sent ({} time(s)); next try in {} ms: {}", message.channel().wireName(),
                message.entryId(), failed, delay.toMillis(), reason);
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
