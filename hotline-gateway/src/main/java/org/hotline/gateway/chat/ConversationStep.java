package org.hotline.gateway.chat;

import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.messaging.Message;

/**
 * The pipeline's step: the event goes to the person's conversation (which marks it seen), and its
 * receipt is the answer. When the work fails, the event's dedupe mark goes with it, so the
 * provider's retry is processed rather than dropped. A handler of its own, not a lambda with an
 * advice: the advice wraps every message in a proxy and a reflective call for one try/catch.
 */
final class ConversationStep extends AbstractReplyProducingMessageHandler {

    private final ChatDedupe dedupe;
    private final ConversationService conversations;

    ConversationStep(ChatDedupe dedupe, ConversationService conversations) {
        this.dedupe = dedupe;
        this.conversations = conversations;
    }

    @Override
    protected Object handleRequestMessage(Message<?> message) {
        ChatEvent event = (ChatEvent) message.getPayload();
        try {
            return conversations.handle(event);
        } catch (RuntimeException e) {
            dedupe.forget(event);
            throw e;
        }
    }
}
