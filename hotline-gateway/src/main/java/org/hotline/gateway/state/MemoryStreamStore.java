package org.hotline.gateway.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streams in memory with Redis-like consumer groups. Lost on restart: the durable outbox of the
 * embedded default lives in the case connector's database.
 */
public final class MemoryStreamStore implements StreamStore {

    private record Entry(String id, String type, String payload) {}

    private record Pending(String consumer, long deliveredAtMillis, int deliveries) {}

    private static final class Group {
        int nextIndex;
        final Map<String, Pending> pending = new LinkedHashMap<>();
    }

    private static final class Stream {
        final List<Entry> entries = new ArrayList<>();
        final Map<String, Integer> indexById = new HashMap<>();
        final Map<String, Group> groups = new HashMap<>();
        long sequence;
    }

    private final ConcurrentHashMap<String, Stream> streams = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryStreamStore(Clock clock) {
        this.clock = clock;
    }

    private Stream stream(String name) {
        return streams.computeIfAbsent(name, n -> new Stream());
    }

    @Override
    public String append(String name, String type, String payload) {
        Stream stream = stream(name);
        synchronized (stream) {
            String id = clock.millis() + "-" + stream.sequence++;
            stream.indexById.put(id, stream.entries.size());
            stream.entries.add(new Entry(id, type, payload));
            stream.notifyAll();
            return id;
        }
    }

    @Override
    public void ensureGroup(String name, String group) {
        Stream stream = stream(name);
        synchronized (stream) {
            stream.groups.computeIfAbsent(group, g -> new Group());
        }
    }

    @Override
    public List<StreamEntry> readNew(String name, String groupName, String consumer, int max, Duration block) {
        Stream stream = stream(name);
        long deadline = System.nanoTime() + block.toNanos();
        synchronized (stream) {
            Group group = group(stream, name, groupName);
            while (group.nextIndex >= stream.entries.size()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return List.of();
                }
                try {
                    stream.wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            List<StreamEntry> result = new ArrayList<>();
            long now = clock.millis();
            while (group.nextIndex < stream.entries.size() && result.size() < max) {
                Entry entry = stream.entries.get(group.nextIndex++);
                group.pending.put(entry.id(), new Pending(consumer, now, 1));
                result.add(new StreamEntry(entry.id(), entry.type(), entry.payload(), 1));
            }
            return result;
        }
    }

    @Override
    public List<StreamEntry> claimStale(String name, String groupName, String consumer, Duration minIdle, int max) {
        Stream stream = stream(name);
        synchronized (stream) {
            Group group = group(stream, name, groupName);
            long now = clock.millis();
            List<StreamEntry> result = new ArrayList<>();
            for (var pending : group.pending.entrySet()) {
                if (result.size() >= max) {
                    break;
                }
                Pending p = pending.getValue();
                if (now - p.deliveredAtMillis() >= minIdle.toMillis()) {
                    Pending claimed = new Pending(consumer, now, p.deliveries() + 1);
                    pending.setValue(claimed);
                    Entry entry = stream.entries.get(stream.indexById.get(pending.getKey()));
                    result.add(new StreamEntry(entry.id(), entry.type(), entry.payload(), claimed.deliveries()));
                }
            }
            return result;
        }
    }

    @Override
    public void ack(String name, String groupName, String id) {
        Stream stream = stream(name);
        synchronized (stream) {
            group(stream, name, groupName).pending.remove(id);
        }
    }

    @Override
    public long pendingCount(String name, String groupName) {
        Stream stream = stream(name);
        synchronized (stream) {
            return group(stream, name, groupName).pending.size();
        }
    }

    @Override
    public List<StreamEntry> recent(String name, int max) {
        Stream stream = stream(name);
        synchronized (stream) {
            List<StreamEntry> result = new ArrayList<>();
            for (int i = stream.entries.size() - 1; i >= 0 && result.size() < max; i--) {
                Entry entry = stream.entries.get(i);
                result.add(new StreamEntry(entry.id(), entry.type(), entry.payload(), 0));
            }
            return result;
        }
    }

    @Override
    public void trim(String name, long maxLength) {
        Stream stream = stream(name);
        synchronized (stream) {
            int drop = (int) Math.max(0, stream.entries.size() - maxLength);
            if (drop == 0) {
                return;
            }
            List<Entry> kept = new ArrayList<>(stream.entries.subList(drop, stream.entries.size()));
            Set<String> dropped = new java.util.HashSet<>();
            stream.entries.subList(0, drop).forEach(e -> dropped.add(e.id()));
            stream.entries.clear();
            stream.entries.addAll(kept);
            stream.indexById.clear();
            for (int i = 0; i < kept.size(); i++) {
                stream.indexById.put(kept.get(i).id(), i);
            }
            for (Group group : stream.groups.values()) {
                group.nextIndex = Math.max(0, group.nextIndex - drop);
                group.pending.keySet().removeAll(dropped);
            }
        }
    }

    @Override
    public long length(String name) {
        Stream stream = stream(name);
        synchronized (stream) {
            return stream.entries.size();
        }
    }

    private static Group group(Stream stream, String name, String group) {
        Group g = stream.groups.get(group);
        if (g == null) {
            throw new IllegalStateException("no group '" + group + "' on stream '" + name + "'");
        }
        return g;
    }
}
