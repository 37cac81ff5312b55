package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message from a person, the same for every channel.
 *
 * @param contact           the person's address on the channel: {@code whatsapp:+E164}, {@code +E164} (SMS), or a Viber user id
 * @param hotlineAddress    the address they wrote to (the hotline's WhatsApp or SMS number), null for Viber
 * @param providerMessageId the provider's id for the message (Twilio's MessageSid, Viber's message_token): retries repeat it
 * @param text              what they wrote, may be empty when they sent only media
 */
public record InboundMessage(ContactChannel channel, String contact, String hotlineAddress, String providerMessageId, String text,
                             List<MediaRef> media, String profileName, Instant timestamp) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(timestamp, "timestamp");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
    }
}
