package org.hotline.gateway.chat;

import java.time.Instant;
import java.util.List;
import org.hotline.caseconnector.privacy.Masking;

/**
 * One message of a conversation's transcript, in either direction.
 *
 * @param author     {@code contact}, {@code flow}, or the officer's id
 * @param providerId the provider's id for it (inbound: theirs; outbound: once sent)
 * @param template   sent as WhatsApp's approved template because the 24-hour window had closed
 */
public record ChatEntry(String id, Direction direction, String author, String text, List<MediaRef> media, Instant at,
                        String providerId, Delivery delivery, String error, boolean template) {

    public enum Direction { IN, OUT }

    /** A provider's error text may quote the person's address (Twilio 21211 does): only a scrubbed one is kept or shown. */
    public ChatEntry {
        media = media == null ? List.of() : List.copyOf(media);
        error = Masking.scrub(error);
    }

    static ChatEntry inbound(String id, InboundMessage message) {
        return new ChatEntry(id, Direction.IN, "contact", message.text(), message.media(), message.timestamp(),
                message.providerMessageId(), null, null, false);
    }

    static ChatEntry outbound(String id, String author, String text, Instant at, Delivery delivery, boolean template) {
        return new ChatEntry(id, Direction.OUT, author, text, List.of(), at, null, delivery, null, template);
    }

    ChatEntry delivered(Delivery next, String providerMessageId, String failure) {
        Delivery status = delivery == null ? next : delivery.then(next);
        return new ChatEntry(id, direction, author, text, media, at, providerMessageId != null ? providerMessageId : providerId,
                status, status == Delivery.FAILED ? (failure != null ? failure : error) : error, template);
    }
}
