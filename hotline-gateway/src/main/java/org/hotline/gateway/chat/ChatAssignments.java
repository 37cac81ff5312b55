package org.hotline.gateway.chat;

import java.util.concurrent.ExecutorService;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.RoutingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Routing assigns a waiting conversation to an officer (when one becomes free, or at once): the
 * conversation follows, on another thread, because the decision may come while the person's lock is
 * held. Should that fail, the conversation stays in the team's queue, where any officer can take it.
 */
public class ChatAssignments {

    private static final Logger log = LoggerFactory.getLogger(ChatAssignments.class);

    private final ConversationService conversations;
    private final ExecutorService executor;

    public ChatAssignments(ConversationService conversations, ExecutorService executor) {
        this.conversations = conversations;
        this.executor = executor;
    }

    @EventListener
    public void on(RoutingEvent.ContactAnswered answered) {
        if (answered.channel() != Channel.CHAT) {
            return;
        }
        executor.execute(() -> {
            try {
                conversations.assigned(answered.contactId(), answered.officerId());
            } catch (RuntimeException e) {
                log.error("conversation {} could not be given to officer {}; it stays in the queue: {}", answered.contactId(),
                        answered.officerId(), e.toString());
            }
        });
    }
}
