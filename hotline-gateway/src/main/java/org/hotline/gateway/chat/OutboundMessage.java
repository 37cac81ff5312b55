package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;
import java.util.List;
import org.hotline.gateway.state.CompactText;

/**
 * A message waiting in the durable outbound queue for its provider.
 *
 * @param from     the hotline's address to send from (WhatsApp/SMS), null for Viber
 * @param template send WhatsApp's approved template instead of {@code text} (the 24-hour window is closed)
 * @param team     the conversation's team when the message was queued (null while with the flow): whose
 *                 inboxes hear of its delivery, with {@code officerId}, without the conversation being read
 */
public record OutboundMessage(String conversationId, String entryId, ContactChannel channel, String to, String from, String text,
                              List<Reply.Button> buttons, boolean template, String team, String officerId) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    private static final String TAG = "out2";
    /** Queued before the team and officer were kept with the message. */
    private static final String TAG_1 = "out1";

    /** As it waits in the outbound stream: the compact form ({@link CompactText}). */
    String toText() {
        CompactText.Writer out = CompactText.writer(TAG).text(conversationId).text(entryId).enumValue(channel).text(to).text(from)
                .text(text).number(buttons.size());
        buttons.forEach(b -> out.text(b.reply()).text(b.label()));
        return out.flag(template).text(team).text(officerId).toString();
    }

    /** A queued message; one queued in an earlier form (JSON, {@code out1}) is read too. */
    static OutboundMessage fromText(String stored, tools.jackson.databind.json.JsonMapper json) {
        if (stored.startsWith("{")) {
            return json.readValue(stored, OutboundMessage.class);
        }
        boolean first = CompactText.hasTag(stored, TAG_1);
        CompactText.Reader in = CompactText.reader(stored, first ? TAG_1 : TAG);
        String conversationId = in.text();
        String entryId = in.text();
        ContactChannel channel = in.enumValue(ContactChannel.class);
        String to = in.text();
        String from = in.text();
        String text = in.text();
        int count = in.integer();
        List<Reply.Button> buttons = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buttons.add(new Reply.Button(in.text(), in.text()));
        }
        boolean template = in.flag();
        OutboundMessage message = first ? new OutboundMessage(conversationId, entryId, channel, to, from, text, buttons, template, null, null)
                : new OutboundMessage(conversationId, entryId, channel, to, from, text, buttons, template, in.text(), in.text());
        in.end();
        return message;
    }
}
