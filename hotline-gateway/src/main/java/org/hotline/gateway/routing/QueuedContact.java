package org.hotline.gateway.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Node.Priority;

/**
 * A caller or conversation waiting for a team. {@code contactId} is the session id (a CallSid, an
 * Asterisk unique id, a conversation id): never a phone number.
 *
 * @param tried     officers who were offered it and did not answer: not offered again
 * @param offeredTo the officer it is being offered to now, or null
 */
public record QueuedContact(String contactId, Channel channel, String team, String language, Priority priority, String topic,
                            Instant enqueuedAt, Set<String> tried, String offeredTo, Instant offeredAt) {

    public QueuedContact {
        tried = Set.copyOf(tried);
    }

    public static QueuedContact waiting(String contactId, Channel channel, String team, String language, Priority priority,
                                        String topic, Instant now) {
        return new QueuedContact(contactId, channel, team, language, priority, topic, now, Set.of(), null, null);
    }

    QueuedContact offered(String officerId, Instant at) {
        return new QueuedContact(contactId, channel, team, language, priority, topic, enqueuedAt, tried, officerId, at);
    }

    QueuedContact offerEnded(boolean missed) {
        Set<String> newTried = new HashSet<>(tried);
        if (missed && offeredTo != null) {
            newTried.add(offeredTo);
        }
        return new QueuedContact(contactId, channel, team, language, priority, topic, enqueuedAt, newTried, null, null);
    }

    /** Urgent before normal, then the longest waiting first. */
    static int queueOrder(QueuedContact a, QueuedContact b) {
        int byPriority = a.priority().compareTo(b.priority());
        return byPriority != 0 ? byPriority : a.enqueuedAt().compareTo(b.enqueuedAt());
    }
}
