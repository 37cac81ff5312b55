package org.hotline.gateway.chat;

import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.contact.FlowStateText;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.state.CompactText;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations and their messages as stored: the compact form ({@link CompactText}), written and
 * read on every message. Records saved before it (JSON) are still read.
 */
final class ConversationText {

    private static final String CONVERSATION = "conv1";
    private static final String ENTRY = "entry1";
    private static final String RECEIPT = "receipt1";

    private final JsonMapper json;

    ConversationText(JsonMapper json) {
        this.json = json;
    }

    String write(Conversation c) {
        CompactText.Writer out = CompactText.writer(CONVERSATION).text(c.id()).enumValue(c.channel()).text(c.contact())
                .text(c.hotlineAddress()).text(c.profileName()).instant(c.startedAt()).enumValue(c.status()).flag(c.flow() != null);
        if (c.flow() != null) {
            FlowStateText.write(out, c.flow());
        }
        return out.text(c.team()).text(c.topic()).enumValue(c.priority()).text(c.officerId()).instant(c.queuedAt())
                .instant(c.assignedAt()).instant(c.closedAt()).text(c.outcome()).instant(c.lastInboundAt()).instant(c.lastMessageAt())
                .number(c.entryCount()).texts(c.recentInbound()).texts(c.pending()).texts(c.referralIds()).toString();
    }

    Conversation conversation(String text) {
        if (text.startsWith("{")) {
            return json.readValue(text, Conversation.class);
        }
        CompactText.Reader in = CompactText.reader(text, CONVERSATION);
        Conversation c = new Conversation(in.text(), in.enumValue(ContactChannel.class), in.text(), in.text(), in.text(), in.instant(),
                in.enumValue(Conversation.Status.class), in.flag() ? FlowStateText.read(in) : null, in.text(), in.text(),
                in.enumValue(Node.Priority.class), in.text(), in.instant(), in.instant(), in.instant(), in.text(), in.instant(),
                in.instant(), in.integer(), in.texts(), in.texts(), in.texts());
        in.end();
        return c;
    }

    String write(ChatEntry e) {
        CompactText.Writer out = CompactText.writer(ENTRY).text(e.id()).enumValue(e.direction()).text(e.author()).text(e.text())
                .number(e.media().size());
        e.media().forEach(m -> out.text(m.kind()).text(m.contentType()).text(m.url()).text(m.name()));
        return out.instant(e.at()).text(e.providerId()).enumValue(e.delivery()).text(e.error()).flag(e.template()).toString();
    }

    ChatEntry entry(String text) {
        if (text.startsWith("{")) {
            return json.readValue(text, ChatEntry.class);
        }
        CompactText.Reader in = CompactText.reader(text, ENTRY);
        String id = in.text();
        ChatEntry.Direction direction = in.enumValue(ChatEntry.Direction.class);
        String author = in.text();
        String words = in.text();
        int media = in.integer();
        List<MediaRef> refs = new ArrayList<>(media);
        for (int i = 0; i < media; i++) {
            refs.add(new MediaRef(in.text(), in.text(), in.text(), in.text()));
        }
        ChatEntry e = new ChatEntry(id, direction, author, words, refs, in.instant(), in.text(), in.enumValue(Delivery.class),
                in.text(), in.flag());
        in.end();
        return e;
    }

    String write(DeliveryReceipt r) {
        return CompactText.writer(RECEIPT).enumValue(r.status()).text(r.providerMessageId()).text(r.error()).toString();
    }

    DeliveryReceipt receipt(String text) {
        CompactText.Reader in = CompactText.reader(text, RECEIPT);
        DeliveryReceipt r = new DeliveryReceipt(in.enumValue(Delivery.class), in.text(), in.text());
        in.end();
        return r;
    }
}
