package org.hotline.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.gateway.state.LockManager.HeldLock;
import org.hotline.gateway.state.StreamStore.StreamEntry;
import org.junit.jupiter.api.Test;

/** The behaviour every state store must have; run against each implementation. */
abstract class StateStoreContract {

    abstract SessionStore sessions();

    abstract DedupeStore dedupe();

    abstract StreamStore streams();

    abstract LockManager locks();

    /** Sessions under their lock, over this contract's sessions and locks. */
    abstract LockedSessions lockedSessions();

    // sessions under their lock

    @Test
    void shouldReadASessionUnderItsLockAndWriteItReleasingTheLock() {
        sessions().put("voice:CA9", "before", Duration.ofMinutes(5));
        var held = lockedSessions().lockAndGet("call:CA9", "voice:CA9", Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        assertThat(held.value()).contains("before");
        // held: nobody else takes it, nor reads it as theirs
        assertThat(lockedSessions().lockAndGet("call:CA9", "voice:CA9", Duration.ofSeconds(10), Duration.ZERO)).isEmpty();
        assertThat(held.putAndRelease("after", Duration.ofMinutes(5))).isTrue();
        assertThat(sessions().get("voice:CA9")).as("the session store reads what was written under the lock").contains("after");
        var next = lockedSessions().lockAndGet("call:CA9", "voice:CA9", Duration.ofSeconds(10), Duration.ZERO);
        assertThat(next).as("released with the write").isPresent();
        assertThat(next.get().value()).contains("after");
        next.get().close();
    }

    @Test
    void shouldReadEveryKeyWithTheLockAndWriteValuesRemovalsAndAppendsTogether() {
        sessions().put("chat:conv:c1", "conversation", Duration.ofMinutes(5));
        sessions().put("chat:contact:p1", "open", Duration.ofMinutes(5));
        streams().ensureGroup("chat:outbound", "senders");
        var held = lockedSessions().lockAndGet("chat:p1", List.of("chat:conv:c1", "chat:entry:c1:e1", "chat:contact:p1"),
                Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        assertThat(held.values()).as("each key's value, in order; a missing one empty")
                .containsExactly(java.util.Optional.of("conversation"), java.util.Optional.empty(), java.util.Optional.of("open"));

        assertThat(held.write(new StateWrite(java.util.Map.of("chat:conv:c1", "conversation 2", "chat:entry:c1:e1", "hello"),
                Duration.ofMinutes(5), List.of("chat:contact:p1"), List.of(new StateWrite.Append("chat:outbound", "chat-message", "reply 1")))))
                .isTrue();
        assertThat(lockedSessions().lockAndGet("chat:p1", "chat:conv:c1", Duration.ofSeconds(10), Duration.ZERO))
                .as("a write that keeps the lock keeps it").isEmpty();
        assertThat(sessions().get("chat:conv:c1")).contains("conversation 2");
        assertThat(sessions().get("chat:entry:c1:e1")).contains("hello");
        assertThat(sessions().get("chat:contact:p1")).as("removed").isEmpty();

        assertThat(held.writeAndRelease(new StateWrite(java.util.Map.of("chat:entry:c1:e2", "again"), Duration.ofMinutes(5), List.of(),
                List.of(new StateWrite.Append("chat:outbound", "chat-message", "reply 2"))))).isTrue();
        assertThat(sessions().get("chat:entry:c1:e2")).contains("again");
        assertThat(streams().readNew("chat:outbound", "senders", "one", 10, Duration.ZERO))
                .as("appended in order, as the stream store reads them")
                .extracting(StreamEntry::type, StreamEntry::payload)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chat-message", "reply 1"), org.assertj.core.groups.Tuple.tuple("chat-message", "reply 2"));
        var next = lockedSessions().lockAndGet("chat:p1", "chat:conv:c1", Duration.ofSeconds(10), Duration.ZERO);
        assertThat(next).as("released with the write").isPresent();
        next.get().close();
    }

    @Test
    void shouldMarkAnEventWithTheLockOnceAndTakeNoLockForItsRepeat() {
        sessions().put("chat:contact:p7", "open", Duration.ofMinutes(5));
        var first = lockedSessions().lockAndGetIfFirst("chat:p7", List.of("chat:contact:p7"), "chat:in:SM7", Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        assertThat(first.seenBefore()).isFalse();
        assertThat(first.held().value()).contains("open");
        assertThat(dedupe().markFirst("chat:in:SM7", Duration.ofMinutes(5))).as("marked as the dedupe store marks it").isFalse();

        var repeat = lockedSessions().lockAndGetIfFirst("chat:p7", List.of("chat:contact:p7"), "chat:in:SM7", Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ZERO);
        assertThat(repeat).as("a repeat is answered even while the person's lock is held").contains(LockedSessions.FirstSighting.SEEN_BEFORE);
        assertThat(lockedSessions().lockAndGetIfFirst("chat:p7", List.of("chat:contact:p7"), "chat:in:SM8", Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ZERO)).as("another event waits for the lock, and is not marked while it waits").isEmpty();
        assertThat(first.held().writeAndRelease(StateWrite.put("chat:contact:p7", "open 2", Duration.ofMinutes(5)))).isTrue();

        var next = lockedSessions().lockAndGetIfFirst("chat:p7", List.of("chat:contact:p7"), "chat:in:SM8", Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        assertThat(next.seenBefore()).as("the lock was busy, so the event is still new").isFalse();
        assertThat(next.held().value()).contains("open 2");
        next.held().close();
        dedupe().unmark("chat:in:SM7");
        var retried = lockedSessions().lockAndGetIfFirst("chat:p7", List.of("chat:contact:p7"), "chat:in:SM7", Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        assertThat(retried.seenBefore()).as("work that failed forgets its mark: the retry is processed").isFalse();
        retried.held().close();
    }

    @Test
    void shouldAcknowledgeSeveralEntriesAtOnce() {
        streams().ensureGroup("outbox", "workers");
        streams().append("outbox", "referral", "a");
        streams().append("outbox", "referral", "b");
        streams().append("outbox", "referral", "c");
        List<StreamEntry> read = streams().readNew("outbox", "workers", "w1", 10, Duration.ZERO);
        streams().ack("outbox", "workers", List.of(read.get(0).id(), read.get(2).id()));
        assertThat(streams().pendingCount("outbox", "workers")).isEqualTo(1);
    }

    @Test
    void shouldCreateASessionOnceAndAnswerTheFirstToASecondMaker() {
        assertThat(lockedSessions().putIfAbsent("call:CA11", "voice:CA11", "first", Duration.ofMinutes(5))).isEmpty();
        assertThat(lockedSessions().putIfAbsent("call:CA11", "voice:CA11", "second", Duration.ofMinutes(5))).contains("first");
        assertThat(sessions().get("voice:CA11")).as("the session store reads it, unchanged by the second").contains("first");
        var held = lockedSessions().lockAndGet("call:CA11", "voice:CA11", Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        assertThat(held.value()).as("and the next webhook under the lock").contains("first");
        held.close();
    }

    @Test
    void shouldReleaseWithoutWritingWhenClosed() {
        try (var held = lockedSessions().lockAndGet("call:CA10", "voice:CA10", Duration.ofSeconds(10), Duration.ZERO).orElseThrow()) {
            assertThat(held.value()).isEmpty();
        }
        assertThat(sessions().get("voice:CA10")).isEmpty();
        assertThat(lockedSessions().lockAndGet("call:CA10", "voice:CA10", Duration.ofSeconds(10), Duration.ZERO)).isPresent();
    }

    // sessions

    @Test
    void shouldReturnWhatWasPutWhenReadBeforeExpiry() {
        sessions().put("call:CA1", "{\"node\":\"menu\"}", Duration.ofMinutes(5));
        assertThat(sessions().get("call:CA1")).contains("{\"node\":\"menu\"}");
    }

    @Test
    void shouldReplaceValueWhenPutAgain() {
        sessions().put("call:CA1", "one", Duration.ofMinutes(5));
        sessions().put("call:CA1", "two", Duration.ofMinutes(5));
        assertThat(sessions().get("call:CA1")).contains("two");
    }

    @Test
    void shouldStoreEveryValueWhenPutTogether() {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("chat:entry:c1:m1", "first");
        values.put("chat:entry:c1:m2", "second");
        values.put("chat:conv:c1", "{\"entryCount\":2}");
        sessions().putAll(values, Duration.ofMinutes(5));
        values.forEach((key, value) -> assertThat(sessions().get(key)).contains(value));
        sessions().putAll(java.util.Map.of("chat:conv:c1", "{\"entryCount\":3}"), Duration.ofMinutes(5));
        assertThat(sessions().get("chat:conv:c1")).contains("{\"entryCount\":3}");
    }

    @Test
    void shouldForgetSessionWhenRemoved() {
        sessions().put("call:CA1", "x", Duration.ofMinutes(5));
        sessions().remove("call:CA1");
        assertThat(sessions().get("call:CA1")).isEmpty();
        assertThat(sessions().get("call:never")).isEmpty();
    }

    @Test
    void shouldExpireSessionWhenTtlPasses() {
        sessions().put("call:short", "x", Duration.ofMillis(300));
        sessions().put("call:long", "y", Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> sessions().get("call:short").isEmpty());
        assertThat(sessions().get("call:long")).contains("y");
    }

    @Test
    void shouldKeepUnicodeTextIntact() {
        String text = "مرحبا — Здравейте — 你好 🙂";
        sessions().put("chat:1", text, Duration.ofMinutes(1));
        assertThat(sessions().get("chat:1")).contains(text);
    }

    // dedupe

    @Test
    void shouldMarkFirstOnlyOnceWhenRepeated() {
        assertThat(dedupe().markFirst("twilio:SM1", Duration.ofMinutes(5))).isTrue();
        assertThat(dedupe().markFirst("twilio:SM1", Duration.ofMinutes(5))).isFalse();
        assertThat(dedupe().markFirst("twilio:SM2", Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void shouldMarkFirstAgainWhenUnmarkedOrExpired() {
        dedupe().markFirst("k1", Duration.ofMinutes(5));
        dedupe().unmark("k1");
        assertThat(dedupe().markFirst("k1", Duration.ofMinutes(5))).isTrue();

        dedupe().markFirst("k2", Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> dedupe().markFirst("k2", Duration.ofMinutes(5)));
    }

    @Test
    void shouldLetExactlyOneWinWhenManyMarkAtOnce() throws Exception {
        AtomicInteger winners = new AtomicInteger();
        runConcurrently(16, i -> {
            if (dedupe().markFirst("race", Duration.ofMinutes(1))) {
                winners.incrementAndGet();
            }
        });
        assertThat(winners).hasValue(1);
    }

    // streams

    @Test
    void shouldDeliverEntriesInOrderWhenReadByGroup() {
        streams().ensureGroup("outbox", "workers");
        String a = streams().append("outbox", "referral", "{\"n\":1}");
        String b = streams().append("outbox", "call-record", "{\"n\":2}");
        List<StreamEntry> read = streams().readNew("outbox", "workers", "w1", 10, Duration.ZERO);
        assertThat(read).extracting(StreamEntry::id).containsExactly(a, b);
        assertThat(read).extracting(StreamEntry::type).containsExactly("referral", "call-record");
        assertThat(read).extracting(StreamEntry::payload).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(streams().length("outbox")).isEqualTo(2);
    }

    @Test
    void shouldCreateGroupOnceWhenEnsuredTwiceAndStartFromTheBeginning() {
        streams().append("outbox", "referral", "early");
        streams().ensureGroup("outbox", "workers");
        streams().ensureGroup("outbox", "workers");
        assertThat(streams().readNew("outbox", "workers", "w1", 10, Duration.ZERO))
                .extracting(StreamEntry::payload).containsExactly("early");
    }

    @Test
    void shouldNotRedeliverNewEntriesWhenAnotherConsumerOfTheGroupReads() {
        streams().ensureGroup("outbox", "workers");
        streams().append("outbox", "t", "1");
        streams().append("outbox", "t", "2");
        List<StreamEntry> first = streams().readNew("outbox", "workers", "w1", 1, Duration.ZERO);
        List<StreamEntry> second = streams().readNew("outbox", "workers", "w2", 10, Duration.ZERO);
        assertThat(first).extracting(StreamEntry::payload).containsExactly("1");
        assertThat(second).extracting(StreamEntry::payload).containsExactly("2");
        assertThat(streams().readNew("outbox", "workers", "w3", 10, Duration.ZERO)).isEmpty();
    }

    @Test
    void shouldGiveEachGroupEveryEntry() {
        streams().ensureGroup("outbox", "case-store");
        streams().ensureGroup("outbox", "metrics");
        streams().append("outbox", "t", "1");
        assertThat(streams().readNew("outbox", "case-store", "w", 10, Duration.ZERO)).hasSize(1);
        assertThat(streams().readNew("outbox", "metrics", "w", 10, Duration.ZERO)).hasSize(1);
    }

    @Test
    void shouldKeepEntryPendingUntilAcknowledged() {
        streams().ensureGroup("outbox", "workers");
        streams().append("outbox", "t", "1");
        StreamEntry entry = streams().readNew("outbox", "workers", "w1", 10, Duration.ZERO).getFirst();
        assertThat(streams().pendingCount("outbox", "workers")).isEqualTo(1);
        streams().ack("outbox", "workers", entry.id());
        assertThat(streams().pendingCount("outbox", "workers")).isZero();
    }

    @Test
    void shouldLetAnotherConsumerClaimEntriesOfADeadConsumerAfterMinIdle() {
        streams().ensureGroup("outbox", "workers");
        streams().append("outbox", "t", "1");
        StreamEntry taken = streams().readNew("outbox", "workers", "dead", 10, Duration.ZERO).getFirst();
        assertThat(streams().claimStale("outbox", "workers", "alive", Duration.ofMinutes(1), 10)).isEmpty();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> !streams().claimStale("outbox", "workers", "alive", Duration.ofMillis(200), 10).isEmpty());
        // claimed once: it is now fresh again for "alive"
        assertThat(streams().claimStale("outbox", "workers", "other", Duration.ofMinutes(1), 10)).isEmpty();
        streams().ack("outbox", "workers", taken.id());
        assertThat(streams().pendingCount("outbox", "workers")).isZero();
    }

    @Test
    void shouldCountDeliveriesWhenClaimed() {
        streams().ensureGroup("outbox", "workers");
        streams().append("outbox", "t", "1");
        streams().readNew("outbox", "workers", "w1", 10, Duration.ZERO);
        List<StreamEntry> claimed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            claimed.addAll(streams().claimStale("outbox", "workers", "w2", Duration.ofMillis(100), 10));
            return !claimed.isEmpty();
        });
        assertThat(claimed.getFirst().deliveries()).isEqualTo(2);
        assertThat(claimed.getFirst().payload()).isEqualTo("1");
    }

    @Test
    void shouldWaitForNewEntryWhenBlocking() throws Exception {
        streams().ensureGroup("outbox", "workers");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            var reader = executor.submit(() -> streams().readNew("outbox", "workers", "w1", 10, Duration.ofSeconds(5)));
            await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ofMillis(100)).until(() -> true);
            streams().append("outbox", "t", "late");
            assertThat(reader.get(5, java.util.concurrent.TimeUnit.SECONDS)).extracting(StreamEntry::payload).containsExactly("late");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void shouldDeliverEveryEntryExactlyOnceWhenConsumersCompete() throws Exception {
        streams().ensureGroup("outbox", "workers");
        for (int i = 0; i < 200; i++) {
            streams().append("outbox", "t", String.valueOf(i));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        runConcurrently(4, worker -> {
            List<StreamEntry> batch;
            while (!(batch = streams().readNew("outbox", "workers", "w" + worker, 7, Duration.ZERO)).isEmpty()) {
                for (StreamEntry e : batch) {
                    if (!seen.add(e.payload())) {
                        duplicates.incrementAndGet();
                    }
                    streams().ack("outbox", "workers", e.id());
                }
            }
        });
        assertThat(seen).hasSize(200);
        assertThat(duplicates).hasValue(0);
        assertThat(streams().pendingCount("outbox", "workers")).isZero();
    }

    @Test
    void shouldListTheNewestEntriesFirst() {
        for (int i = 1; i <= 5; i++) {
            streams().append("calllog", "call-record", String.valueOf(i));
        }
        assertThat(streams().recent("calllog", 3)).extracting(StreamEntry::payload).containsExactly("5", "4", "3");
        assertThat(streams().recent("calllog", 10)).hasSize(5);
        assertThat(streams().recent("empty", 10)).isEmpty();
    }

    @Test
    void shouldKeepTheNewestEntriesWhenTrimmed() {
        streams().ensureGroup("calllog", "readers");
        for (int i = 1; i <= 5; i++) {
            streams().append("calllog", "t", String.valueOf(i));
        }
        streams().readNew("calllog", "readers", "r", 1, Duration.ZERO);
        streams().trim("calllog", 2);
        assertThat(streams().length("calllog")).isEqualTo(2);
        assertThat(streams().recent("calllog", 10)).extracting(StreamEntry::payload).containsExactly("5", "4");
        assertThat(streams().readNew("calllog", "readers", "r", 10, Duration.ZERO)).extracting(StreamEntry::payload)
                .containsExactly("4", "5");
    }

    @Test
    void shouldDeleteAnEntryWhenAsked() {
        streams().ensureGroup("outbox", "workers");
        String a = streams().append("outbox", "t", "1");
        streams().append("outbox", "t", "2");
        StreamEntry read = streams().readNew("outbox", "workers", "w", 1, Duration.ZERO).getFirst();
        streams().ack("outbox", "workers", read.id());
        streams().delete("outbox", a);
        assertThat(streams().length("outbox")).isEqualTo(1);
        assertThat(streams().readNew("outbox", "workers", "w", 10, Duration.ZERO)).extracting(StreamEntry::payload).containsExactly("2");
    }

    @Test
    void shouldPurgeOnlyOldEntriesThatWereDeliveredAndAcknowledged() throws Exception {
        streams().ensureGroup("outbox", "workers");
        String acknowledged = streams().append("outbox", "t", "delivered");
        streams().append("outbox", "t", "pending");
        streams().append("outbox", "t", "unread");
        List<StreamEntry> read = streams().readNew("outbox", "workers", "w", 2, Duration.ZERO);
        streams().ack("outbox", "workers", acknowledged);
        await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ofMillis(20)).until(() -> true);
        long cutoff = System.currentTimeMillis();
        String fresh = streams().append("outbox", "t", "fresh");

        assertThat(streams().purgeDelivered("outbox", "workers", cutoff)).isEqualTo(1);

        assertThat(streams().recent("outbox", 10)).extracting(StreamEntry::payload).containsExactly("fresh", "unread", "pending");
        assertThat(read).hasSize(2);
        assertThat(fresh).isNotBlank();
    }

    // locks

    @Test
    void shouldGrantLockToOneHolderAtATime() {
        HeldLock first = locks().tryLock("assign:counter-trafficking", Duration.ofSeconds(10), Duration.ZERO).orElseThrow();
        assertThat(locks().tryLock("assign:counter-trafficking", Duration.ofSeconds(10), Duration.ofMillis(50))).isEmpty();
        assertThat(locks().tryLock("assign:avrr", Duration.ofSeconds(10), Duration.ZERO)).isPresent();
        first.close();
        assertThat(locks().tryLock("assign:counter-trafficking", Duration.ofSeconds(10), Duration.ZERO)).isPresent();
    }

    @Test
    void shouldFreeLockWhenLeaseRunsOut() {
        locks().tryLock("l", Duration.ofMillis(200), Duration.ZERO).orElseThrow();
        assertThat(locks().tryLock("l", Duration.ofSeconds(10), Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void shouldNotReleaseAnotherHoldersLockWhenOwnLeaseExpired() {
        HeldLock stale = locks().tryLock("l", Duration.ofMillis(200), Duration.ZERO).orElseThrow();
        HeldLock current = locks().tryLock("l", Duration.ofSeconds(30), Duration.ofSeconds(5)).orElseThrow();
        stale.close();
        assertThat(locks().tryLock("l", Duration.ofSeconds(1), Duration.ZERO)).isEmpty();
        current.close();
    }

    @Test
    void shouldExcludeConcurrentHoldersWhenWaiting() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger entered = new AtomicInteger();
        runConcurrently(8, i -> {
            for (int round = 0; round < 10; round++) {
                try (HeldLock lock = locks().tryLock("shared", Duration.ofSeconds(10), Duration.ofSeconds(20)).orElseThrow()) {
                    int now = inside.incrementAndGet();
                    maxInside.accumulateAndGet(now, Math::max);
                    entered.incrementAndGet();
                    inside.decrementAndGet();
                }
            }
        });
        assertThat(maxInside).hasValue(1);
        assertThat(entered).hasValue(80);
    }

    interface Body {
        void run(int index) throws Exception;
    }

    static void runConcurrently(int threads, Body body) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    start.await();
                    body.run(index);
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
