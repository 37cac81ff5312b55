package org.hotline.gateway.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.routing.QueuedContact;

/** The conversation being changed and the effects to carry out once it is saved. */
final class ConversationChange {
    final Conversation before;
    Conversation conversation;
    final List<OutboundMessage> outgoing = new ArrayList<>();
    /** The change finishes an earlier attempt's effects: its outgoing messages may have been queued, and sent, already. */
    boolean again;
    final List<QueuedContact> toQueue = new ArrayList<>();
    final List<InboxChange> changes = new ArrayList<>();
    /** Messages added or changed: written before the conversation that counts them. */
    final Map<String, ChatEntry> entries = new LinkedHashMap<>();
    CallRecord record;

ConversationChange(Conversation before, Conversation conversation) {
        this.before = before;
        this.conversation = conversation;
    }
}
