package org.hotline.gateway.voice.asterisk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;

/**
 * What supervisors see of Asterisk's queues, from AMI's queue events: who waits in which queue and
 * for how long, and how many were answered or abandoned since the gateway connected. Callers are
 * known by their channel's unique id only, never by number.
 */
public class AsteriskQueuePicture {

    public record QueueView(String queue, int waiting, long longestWaitSeconds, long answered, long abandoned) {}

    private record Waiting(String queue, Instant since) {}

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> abandoned = new ConcurrentHashMap<>();
    private final Clock clock;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AsteriskQueuePicture.class);

    public AsteriskQueuePicture(Clock clock) {
        this.clock = clock;
    }

    public void on(ManagerEvent event) {
        switch (event) {
            case QueueCallerJoinEvent join -> waiting.put(join.getUniqueId(), new Waiting(join.getQueue(), clock.instant()));
            case AgentConnectEvent connect -> {
                waiting.remove(connect.getUniqueId());
                count(answered, connect.getQueue());
            }
            case QueueCallerAbandonEvent abandon -> {
                waiting.remove(abandon.getUniqueId());
                count(abandoned, abandon.getQueue());
            }
            case QueueCallerLeaveEvent leave -> waiting.remove(leave.getUniqueId());
            // after a lost connection the old picture is stale: rebuild() asks Asterisk for the new one
            case ConnectEvent reconnected -> waiting.clear();
            default -> { }
        }
    }

    /** Who waits now, as Asterisk tells it (QueueStatus): after every (re)connection. Not on AMI's event thread. */
    public void rebuild(ManagerConnection connection) {
        try {
            ResponseEvents status = connection.sendEventGeneratingAction(new QueueStatusAction(), 10_000);
            Instant now = clock.instant();
            for (var event : status.getEvents()) {
                if (event instanceof QueueEntryEvent entry && entry.getUniqueId() != null) {
                    long wait = entry.getWait() == null ? 0 : entry.getWait();
                    waiting.put(entry.getUniqueId(), new Waiting(entry.getQueue(), now.minusSeconds(wait)));
                }
            }
        } catch (Exception e) {
            log.warn("AMI: the queue picture could not be rebuilt: {}", e.toString());
        }
    }

    private static void count(Map<String, AtomicLong> counts, String queue) {
        if (queue != null) {
            counts.computeIfAbsent(queue, q -> new AtomicLong()).incrementAndGet();
        }
    }

    /** A caller waiting in one of Asterisk's queues, by the channel's unique id. */
    public record WaitingCall(String uniqueId, String queue, Instant since) {}

    public List<WaitingCall> waitingCalls() {
        return waiting.entrySet().stream().map(e -> new WaitingCall(e.getKey(), e.getValue().queue(), e.getValue().since())).toList();
    }

    public List<QueueView> view() {
        Instant now = clock.instant();
        Map<String, QueueView> queues = new TreeMap<>();
        answered.keySet().forEach(q -> queues.put(q, empty(q)));
        abandoned.keySet().forEach(q -> queues.put(q, empty(q)));
        waiting.values().forEach(w -> queues.putIfAbsent(w.queue(), empty(w.queue())));
        return queues.keySet().stream().map(queue -> {
            var here = waiting.values().stream().filter(w -> w.queue().equals(queue)).toList();
            long longest = here.stream().mapToLong(w -> Duration.between(w.since(), now).toSeconds()).max().orElse(0);
            return new QueueView(queue, here.size(), longest, get(answered, queue), get(abandoned, queue));
        }).toList();
    }

    private QueueView empty(String queue) {
        return new QueueView(queue, 0, 0, 0, 0);
    }

    private static long get(Map<String, AtomicLong> counts, String queue) {
        AtomicLong count = counts.get(queue);
        return count == null ? 0 : count.get();
    }
}
