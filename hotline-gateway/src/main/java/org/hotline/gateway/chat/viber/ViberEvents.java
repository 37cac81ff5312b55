package org.hotline.gateway.chat.viber;

import org.hotline.gateway.channel.ContactChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.chat.ChatEvent;
import org.hotline.gateway.chat.Delivery;
import org.hotline.gateway.chat.InboundMessage;
import org.hotline.gateway.chat.MalformedPayloadException;
import org.hotline.gateway.chat.MediaRef;

/**
 * A Viber callback as the channel-neutral event it stands for. Each event type is handled on
 * purpose; types Viber may add are acknowledged and ignored (empty).
 */
public final class ViberEvents {

    private ViberEvents() {}

    public static Optional<ChatEvent> decode(ViberCallback c) {
        if (c.event() == null) {
            throw new MalformedPayloadException("the field 'event' is missing");
        }
        return switch (c.event()) {
            case "webhook" -> Optional.of(new ChatEvent.WebhookCheck());
            case "message" -> Optional.of(new ChatEvent.Received(message(c)));
            case "conversation_started" -> Optional.of(new ChatEvent.Started(ContactChannel.VIBER, userId(c.user(), "user"),
                    c.user().name(), String.valueOf(token(c))));
            case "subscribed" -> Optional.of(new ChatEvent.Subscription(ContactChannel.VIBER, userId(c.user(), "user"), true,
                    "subscribed:" + userId(c.user(), "user") + ":" + c.timestamp()));
            case "unsubscribed" -> Optional.of(new ChatEvent.Subscription(ContactChannel.VIBER, required(c.userId(), "user_id"), false,
                    "unsubscribed:" + c.userId() + ":" + c.timestamp()));
            case "delivered" -> Optional.of(status(c, Delivery.DELIVERED, null));
            case "seen" -> Optional.of(status(c, Delivery.READ, null));
            case "failed" -> Optional.of(status(c, Delivery.FAILED, "Viber: " + (c.desc() == null ? "failed" : c.desc())));
            default -> Optional.empty();
        };
    }

    private static InboundMessage message(ViberCallback c) {
        String sender = userId(c.sender(), "sender");
        ViberCallback.Message m = c.message();
        if (m == null || m.type() == null) {
            throw new MalformedPayloadException("a message event needs 'message' with its 'type'");
        }
        String text = "";
        List<MediaRef> media = List.of();
        switch (m.type()) {
            case "text" -> text = required(m.text(), "message.text");
            case "url" -> text = required(m.media(), "message.media");
            case "picture", "video", "file", "sticker" -> {
                media = List.of(new MediaRef(m.type().equals("file") ? "document" : m.type(), null, required(m.media(), "message.media"),
                        m.fileName()));
                text = m.text() == null ? "" : m.text();
            }
            case "location" -> {
                if (m.location() == null || m.location().lat() == null || m.location().lon() == null) {
                    throw new MalformedPayloadException("a location message needs message.location.lat and .lon");
                }
                media = List.of(new MediaRef("location", null, "geo:" + m.location().lat() + "," + m.location().lon(), null));
            }
            case "contact" -> {
                if (m.contact() == null) {
                    throw new MalformedPayloadException("a contact message needs message.contact");
                }
                media = List.of(new MediaRef("contact", null, m.contact().phoneNumber() == null ? null : "tel:" + m.contact().phoneNumber(),
                        m.contact().name()));
            }
            default -> text = m.text() == null ? "" : m.text();
        }
        Instant at = c.timestamp() == null ? Instant.now() : Instant.ofEpochMilli(c.timestamp());
        return new InboundMessage(ContactChannel.VIBER, sender, null, String.valueOf(token(c)), text, media, c.sender().name(), at);
    }

    private static ChatEvent.StatusUpdate status(ViberCallback c, Delivery delivery, String error) {
        required(c.userId(), "user_id");
        return new ChatEvent.StatusUpdate(ContactChannel.VIBER, String.valueOf(token(c)), delivery, error);
    }

    private static long token(ViberCallback c) {
        if (c.messageToken() == null) {
            throw new MalformedPayloadException("the field 'message_token' is missing");
        }
        return c.messageToken();
    }

    private static String userId(ViberCallback.User user, String field) {
        if (user == null || user.id() == null || user.id().isBlank()) {
            throw new MalformedPayloadException("the field '" + field + ".id' is missing");
        }
        return user.id();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedPayloadException("the field '" + field + "' is missing");
        }
        return value;
    }
}
