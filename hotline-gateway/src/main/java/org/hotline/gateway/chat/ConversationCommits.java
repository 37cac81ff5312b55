package org.hotline.gateway.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.contact.Person;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.QueuedContact;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.state.StateWrite;

/**
 * How a conversation changes: under the person's lock, saved before its effects (outgoing messages,
 * the routing queue, the call log, inbox events) happen, so a failure in between is finished by the
 * provider's retry rather than lost; and how it ends (the record).
 */
final class ConversationCommits {

    private final ConversationStore store;
    private final RoutingService routing;
    private final InboxEvents inbox;
    private final ContactRunner contacts;

    ConversationCommits(ConversationStore store, RoutingService routing, InboxEvents inbox, ContactRunner contacts) {
        this.store = store;
        this.routing = routing;
        this.inbox = inbox;
        this.contacts = contacts;
    }

    Conversation change(String conversationId, Function<Conversation, ConversationChange> change) {
        Conversation known = store.get(conversationId).orElseThrow(() -> new ConversationService.UnknownConversationException(conversationId));
        return store.withConversation(known.channel(), known.contact(), conversationId, held -> {
            Conversation current = held.conversation()
                    .orElseThrow(() -> new ConversationService.UnknownConversationException(conversationId));
            return commit(change.apply(current), held);
        });
    }

    /** An entry as this change sees it: changed here, or as stored. */
    Optional<ChatEntry> entry(ConversationChange work, String entryId) {
        ChatEntry changed = work.entries.get(entryId);
        return changed != null ? Optional.of(changed) : store.entry(work.conversation.id(), entryId);
    }

    /**
     * The outgoing messages the provider has not taken yet (queued, or held for WhatsApp's window),
     * oldest first. The outbound queue records a send beside its message, not in the conversation:
     * the ones it has settled since leave the conversation's pending list here.
     */
    List<ChatEntry> pending(ConversationChange work) {
        List<ChatEntry> pending = new java.util.ArrayList<>();
        for (String id : work.conversation.pending()) {
            Optional<ChatEntry> entry = entry(work, id);
            if (entry.isPresent() && (entry.get().delivery() == Delivery.QUEUED || entry.get().delivery() == Delivery.HELD)) {
                pending.add(entry.get());
            } else {
                work.conversation = work.conversation.settled(id);
            }
        }
        return pending;
    }

    /**
     * Saves the change with the replies it queues, then carries out its other effects (the call log,
     * routing) while the person's lock is still held; with none, the lock goes with the save. Inbox
     * events go last: they only tell consoles to look again.
     */
    Conversation commit(ConversationChange work, ConversationStore.Held held) {
        Conversation c = work.conversation;
        boolean last = work.record == null && work.toQueue.isEmpty();
        if (work.before == null || !c.equals(work.before) || !work.entries.isEmpty() || !work.outgoing.isEmpty()) {
            List<StateWrite.Append> queued = work.outgoing.stream().map(work.again ? ChatSender::queuedAgain : ChatSender::queued).toList();
            store.save(held, work.before, c, List.copyOf(work.entries.values()), queued, last);
        }
        if (work.record != null) {
            contacts.ended(work.record, person(c.channel(), c.contact()));
            if (work.before != null && work.before.status() == Conversation.Status.QUEUED && c.officerId() == null) {
                routing.abandon(c.id());
            }
        }
        work.toQueue.forEach(routing::enqueue);
        work.changes.forEach(inbox::publish);
        return c;
    }

    /** A WhatsApp or SMS person has a number (remembered as the same person when they call); a messenger user only an id. */
    static Person person(ContactChannel channel, String contact) {
        return new Person(channel, contact, channel.phoneAddressed() ? phoneOf(channel, contact) : null);
    }

    private static String phoneOf(ContactChannel channel, String contact) {
        return contact.startsWith("whatsapp:") ? contact.substring("whatsapp:".length()) : contact;
    }

    /**
     * Closes the conversation: the call log gets its record (with {@code closing}, the officer's own
     * outcome, when an officer closed it), and the person's next message opens a new one.
     */
    void finish(ConversationChange work, String outcome, String closing, Instant now) {
        Conversation c = work.conversation.closed(outcome, now);
        work.conversation = c;
        boolean answered = c.officerId() != null;
        CallOutcome result = answered ? CallOutcome.ANSWERED
                : c.queuedAt() != null ? CallOutcome.ABANDONED_IN_QUEUE : CallOutcome.INFORMATION_ONLY;
        Duration queueWait = c.queuedAt() == null ? Duration.ZERO
                : Duration.between(c.queuedAt(), c.assignedAt() != null ? c.assignedAt() : now);
        Duration talk = c.assignedAt() == null ? Duration.ZERO : Duration.between(c.assignedAt(), now);
        work.record = new CallRecord(c.id(), c.channel(), c.contact(), c.language(), c.topic(), c.team(), c.flow().path(),
                c.startedAt(), now, queueWait, c.officerId(), talk, result, c.referralIds(), closing, null, null);
        work.changes.add(InboxChange.of("conversation", c, null));
    }

    /** A change saved by an earlier attempt that failed before its effects: its effects, again. */
    ConversationChange redo(Conversation saved) {
        ConversationChange work = new ConversationChange(saved, saved);
        work.again = true;
        for (ChatEntry e : pending(work)) {
            if (e.delivery() == Delivery.QUEUED) {
                work.outgoing.add(outbound(work.conversation, e.id(), new Reply(e.text(), List.of()), e.template()));
            }
        }
        if (saved.status() == Conversation.Status.QUEUED) {
            work.toQueue.add(QueuedContact.waiting(saved.id(), Channel.CHAT, saved.team(), saved.language(), saved.priority(),
                    saved.topic(), saved.queuedAt()));
        }
        return work;
    }

    static OutboundMessage outbound(Conversation c, String entryId, Reply reply, boolean template) {
        return new OutboundMessage(c.id(), entryId, c.channel(), c.contact(), c.hotlineAddress(), reply.text(), reply.buttons(), template,
                c.team(), c.officerId());
    }
}
