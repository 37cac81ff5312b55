package org.hotline.caseconnector.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An outbox in memory with the stream's semantics: taken items stay pending until done; stale ones can be taken again. */
final class FakeOutbox implements OutboxSource {

    private final Map<String, Item> waiting = new LinkedHashMap<>();
    private final Map<String, Item> pending = new LinkedHashMap<>();
    private final Map<String, Long> takenAt = new LinkedHashMap<>();
    private long sequence;
    volatile RuntimeException failDone;

    @Override
    public synchronized void append(String type, String payload) {
        String id = System.currentTimeMillis() + "-" + sequence++;
        waiting.put(id, new Item(id, type, payload, 0, System.currentTimeMillis()));
    }

    synchronized void appendFirstSeen(String type, String payload, long firstSeenMillis) {
        String id = firstSeenMillis + "-" + sequence++;
        waiting.put(id, new Item(id, type, payload, 0, firstSeenMillis));
    }

    @Override
    public synchronized List<Item> next(int max, Duration wait) {
        List<Item> out = new ArrayList<>();
        var it = waiting.values().iterator();
        while (it.hasNext() && out.size() < max) {
            Item item = it.next();
            it.remove();
            Item taken = new Item(item.id(), item.type(), item.payload(), 1, item.firstSeenMillis());
            pending.put(item.id(), taken);
            takenAt.put(item.id(), System.nanoTime());
            out.add(taken);
        }
        return out;
    }

    @Override
    public synchronized List<Item> stale(Duration idle, int max) {
        List<Item> out = new ArrayList<>();
        long now = System.nanoTime();
        for (Item item : List.copyOf(pending.values())) {
            if (out.size() < max && now - takenAt.get(item.id()) >= idle.toNanos()) {
                Item again = new Item(item.id(), item.type(), item.payload(), item.deliveries() + 1, item.firstSeenMillis());
                pending.put(item.id(), again);
                takenAt.put(item.id(), now);
                out.add(again);
            }
        }
        return out;
    }

    @Override
    public synchronized void done(String itemId) {
        if (failDone != null) {
            throw failDone;
        }
        pending.remove(itemId);
        takenAt.remove(itemId);
    }

    synchronized int unfinished() {
        return waiting.size() + pending.size();
    }
}
