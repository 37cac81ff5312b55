package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;
import java.util.List;

/**
 * A message waiting in the durable outbound queue for its provider.
 *
 * @param from     the hotline's address to send from (WhatsApp/SMS), null for Viber
 * @param template send WhatsApp's approved template instead of {@code text} (the 24-hour window is closed)
 */
public record OutboundMessage(String conversationId, String entryId, ContactChannel channel, String to, String from, String text,
                              List<Reply.Button> buttons, boolean template) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
