package org.hotline.gateway.chat;

import java.time.Instant;
import java.util.List;

/**
 * What the hotline writes to a person (the flow's words, an officer's reply): queued for the
 * provider, or, on a channel whose reply window has closed (WhatsApp's 24 hours), held while the
 * approved template asks the person to write back; held messages go once they do.
 */
final class ChatWriter {

    private final ChatSettings settings;
    private final ConversationCommits commits;

    ChatWriter(ChatSettings settings, ConversationCommits commits) {
        this.settings = settings;
        this.commits = commits;
    }

    /** Adds an outgoing message; on WhatsApp outside the 24-hour window it is held and the template goes instead. */
    ConversationService.Written write(ConversationChange work, Reply reply, String author, Instant now) {
        Conversation c = work.conversation;
        boolean windowOpen = c.windowOpen(now);
        ChatEntry entry = ChatEntry.outbound(c.nextEntryId(), author, reply.text(), now, windowOpen ? Delivery.QUEUED : Delivery.HELD, false);
        work.conversation = c.wrote(entry.id(), now, true);
        work.entries.put(entry.id(), entry);
        work.changes.add(InboxChange.of("message", work.conversation, entry.id()));
        if (windowOpen) {
            work.outgoing.add(ConversationCommits.outbound(work.conversation, entry.id(), reply, false));
            return new ConversationService.Written(entry.id(), Delivery.QUEUED.wireName(), false, null);
        }
        if (settings.whatsappReopenTemplate() == null || settings.whatsappReopenTemplate().isBlank()) {
            return new ConversationService.Written(entry.id(), Delivery.HELD.wireName(), false, "WhatsApp's 24-hour window has closed and no approved template is "
                    + "configured (hotline.chat.whatsapp-reopen-template): the message waits until the person writes again");
        }
        boolean templatePending = commits.pending(work).stream().anyMatch(ChatEntry::template);
        if (!templatePending) {
            ChatEntry template = ChatEntry.outbound(work.conversation.nextEntryId(), author, null, now, Delivery.QUEUED, true);
            work.conversation = work.conversation.wrote(template.id(), now, true);
            work.entries.put(template.id(), template);
            work.outgoing.add(ConversationCommits.outbound(work.conversation, template.id(), new Reply("", List.of()), true));
        }
        return new ConversationService.Written(entry.id(), Delivery.HELD.wireName(), true, "WhatsApp's 24-hour window has closed: the approved template was sent to "
                + "ask the person to write back; this message follows as soon as they do");
    }

    /** The person wrote again: messages held for WhatsApp's window go now, in order. */
    void releaseHeld(ConversationChange work) {
        for (ChatEntry held : commits.pending(work)) {
            if (held.delivery() == Delivery.HELD) {
                Conversation c = work.conversation;
                work.entries.put(held.id(), held.delivered(Delivery.QUEUED, null, null));
                work.outgoing.add(ConversationCommits.outbound(c, held.id(), new Reply(held.text(), List.of()), false));
                work.changes.add(InboxChange.delivery(c.id(), c.team(), c.officerId(), held.id(), Delivery.QUEUED));
            }
        }
    }
}
