package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;

/**
 * What a messaging webhook brings, decoded from the provider's payload. {@link #dedupeKey()} is what
 * a provider repeats when it retries, so each event is processed once.
 */
public sealed interface ChatEvent {

    /** Null: not deduplicated (it changes nothing). */
    String dedupeKey();

    record Received(InboundMessage message) implements ChatEvent {
        public String dedupeKey() {
            return "chat:in:" + message.channel().wireName() + ":" + message.providerMessageId();
        }
    }

    /** Viber: the person opened the chat with the hotline; they get the welcome. */
    record Started(ContactChannel channel, String contact, String profileName, String eventId) implements ChatEvent {
        public String dedupeKey() {
            return "chat:started:" + channel.wireName() + ":" + eventId;
        }
    }

    /** Viber: the person subscribed to, or unsubscribed from, the hotline's account. */
    record Subscription(ContactChannel channel, String contact, boolean subscribed, String eventId) implements ChatEvent {
        public String dedupeKey() {
            return "chat:subscription:" + channel.wireName() + ":" + eventId;
        }
    }

    /** A provider's news about a message the hotline sent. */
    record StatusUpdate(ContactChannel channel, String providerMessageId, Delivery status, String error) implements ChatEvent {
        public String dedupeKey() {
            return "chat:status:" + channel.wireName() + ":" + providerMessageId + ":" + status.wireName();
        }
    }

    /** Viber checks a new webhook before using it: acknowledged, nothing else. */
    record WebhookCheck() implements ChatEvent {
        public String dedupeKey() {
            return null;
        }
    }
}
