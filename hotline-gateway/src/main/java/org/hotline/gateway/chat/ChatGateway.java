package org.hotline.gateway.chat;

/**
 * Where the messaging webhooks hand their decoded events: the entrance of the {@code chatInbound}
 * integration flow (the conversation, which takes each event once). It answers once the event has
 * taken effect, so a webhook acknowledges only what is saved.
 */
public interface ChatGateway {

    String CHANNEL = "chatEvents";

    ChatReceipt accept(ChatEvent event);
}
