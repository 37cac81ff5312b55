package org.hotline.gateway.chat;

/**
 * What the pipeline tells the webhook: whether the event was new, and for Viber's
 * {@code conversation_started} the welcome, which Viber takes only in the webhook's answer.
 */
public record ChatReceipt(boolean duplicate, Reply welcome) {

    static final ChatReceipt DUPLICATE = new ChatReceipt(true, null);
    static final ChatReceipt DONE = new ChatReceipt(false, null);
}
