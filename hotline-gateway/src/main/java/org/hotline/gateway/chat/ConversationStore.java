package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.LockedSessions;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.state.StateWrite;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations in the state store (encrypted there, like every session), found by id or by the
 * person's address through a keyed hash, and the index of the conversations the inbox lists (those
 * waiting for a team or with an officer; one still with the flow is not in anyone's inbox yet).
 * Everything that changes one person's conversation runs under that person's lock, so their
 * messages, the officer's replies and provider statuses apply one at a time, in order.
 */
public class ConversationStore {

    static final Duration KEEP = Duration.ofDays(30);
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final String OPEN_INDEX = "chat:open";

    /** What the inbox needs to list a conversation without reading it. */
    public record OpenSummary(String id, String team, Conversation.Status status, String officerId) {}

    /** What the hotline knows of a person on a channel beyond one conversation: whether they can be written to. */
    public record ContactState(boolean subscribed) {}

    private final SessionStore store;
    private final LockManager locks;
    private final LockedSessions lockedSessions;
    private final PiiCipher cipher;
    private final JsonMapper json;
    private final ConversationText stored;

    public ConversationStore(SessionStore store, LockManager locks, LockedSessions lockedSessions, PiiCipher cipher, JsonMapper json) {
        this.store = store;
        this.locks = locks;
        this.lockedSessions = lockedSessions;
        this.cipher = cipher;
        this.json = json;
        this.stored = new ConversationText(json);
    }

    public Optional<Conversation> get(String id) {
        return store.get("chat:conv:" + id).map(stored::conversation);
    }

    /** The person's open conversation: kept under their (hashed) address too, so a message finds it in one read. */
    public Optional<Conversation> openFor(ContactChannel channel, String contact) {
        return store.get("chat:contact:" + personKey(channel, contact)).map(stored::conversation)
                .filter(c -> c.status() != Conversation.Status.CLOSED);
    }

    /**
     * Saves the conversation with its new or changed messages and the replies it queues, in one write
     * under the person's lock (one script on Redis: a conversation never counts a message it does not
     * have, nor is saved without its replies), and keeps the open index in step. {@code last}: nothing
     * else is to happen under the lock, so it is released with the write unless the index changes too
     * (that change must not be overtaken by the person's next one).
     */
    public void save(Held held, Conversation before, Conversation after, List<ChatEntry> entries, List<StateWrite.Append> queued,
                     boolean last) {
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach(e -> values.put(entryKey(after.id(), e.id()), stored.write(e)));
        String document = stored.write(after);
        values.put("chat:conv:" + after.id(), document);
        String personKey = "chat:contact:" + personKey(after.channel(), after.contact());
        List<String> removals = List.of();
        if (after.status() != Conversation.Status.CLOSED) {
            values.put(personKey, document);
        } else if (before == null || before.status() != Conversation.Status.CLOSED) {
            removals = List.of(personKey);
        }
        OpenSummary was = before == null || !inInbox(before) ? null : summary(before);
        OpenSummary now = inInbox(after) ? summary(after) : null;
        boolean indexChanges = now != null ? !now.equals(was) : was != null;
        StateWrite write = new StateWrite(values, KEEP, removals, queued);
        boolean written = last && !indexChanges ? held.lock.writeAndRelease(write) : held.lock.write(write);
        if (!written) {
            throw new ConversationBusyException("the conversation's lock ran out before its change was saved; try again");
        }
        if (indexChanges) {
            changeIndex(index -> {
                if (now != null) {
                    index.put(now.id(), now);
                } else {
                    index.remove(was.id());
                }
            });
        }
    }

    /** A message as it stands: its record, and for one the record still calls queued, the outbound queue's receipt over it. */
    public Optional<ChatEntry> entry(String conversationId, String entryId) {
        return store.get(entryKey(conversationId, entryId)).map(stored::entry).map(e -> e.delivery() != Delivery.QUEUED ? e
                : store.get(receiptKey(conversationId, entryId)).map(stored::receipt).map(r -> r.over(e)).orElse(e));
    }

    /**
     * The outbound queue's word on a message (sent, with the provider's id, or failed for good),
     * written beside it without the person's lock or their conversation, in one step with the
     * provider id's pointer for the statuses that follow (one round trip on Redis). A send never
     * waits for the person's lock; the person's pending list drops the message at their next change.
     */
    public void receipt(OutboundMessage message, DeliveryReceipt receipt) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(receiptKey(message.conversationId(), message.entryId()), stored.write(receipt));
        if (receipt.providerMessageId() != null) {
            // after the receipt: a status found through the pointer finds the message sent
            values.put(sentKey(message.channel(), receipt.providerMessageId()), message.conversationId() + " " + message.entryId());
        }
        store.putAll(values, KEEP);
    }

    private static String receiptKey(String conversationId, String entryId) {
        return "chat:receipt:" + conversationId + ":" + entryId;
    }

    /** The transcript, oldest first; messages past the retention period are gone. */
    public List<ChatEntry> entries(Conversation c) {
        return c.entryIds().stream().map(id -> entry(c.id(), id)).flatMap(Optional::stream).toList();
    }

    private static String entryKey(String conversationId, String entryId) {
        return "chat:entry:" + conversationId + ":" + entryId;
    }

    public Map<String, OpenSummary> openIndex() {
        return store.get(OPEN_INDEX).map(text -> json.readValue(text, new TypeReference<LinkedHashMap<String, OpenSummary>>() {}))
                .map(m -> (Map<String, OpenSummary>) m).orElseGet(LinkedHashMap::new);
    }

    /**
     * Runs {@code work} holding the person's lock, given their open conversation, for an event of
     * theirs a provider may repeat: the lock taken, the event's dedupe mark {@code seen} set and the
     * conversation read in one step (one round trip on Redis). An event marked already gets
     * {@code seenBefore} without the lock; a null mark (an event not deduplicated) is not set. The
     * lock goes with the save when nothing follows it ({@link #save}), or when {@code work} ends.
     */
    public <T> T withOpen(ContactChannel channel, String contact, String seen, T seenBefore, Function<Held, T> work) {
        String key = personKey(channel, contact);
        List<String> keys = List.of("chat:contact:" + key);
        LockedSessions.Held lock;
        if (seen == null) {
            lock = lockedSessions.lockAndGet("chat:" + key, keys, LEASE, WAIT).orElseThrow(ConversationStore::busy);
        } else {
            LockedSessions.FirstSighting sighting = lockedSessions.lockAndGetIfFirst("chat:" + key, keys, seen, ChatDedupe.KEEP, LEASE, WAIT)
                    .orElseThrow(ConversationStore::busy);
            if (sighting.seenBefore()) {
                return seenBefore;
            }
            lock = sighting.held();
        }
        try (Held held = held(lock)) {
            return work.apply(held);
        }
    }

    /** Runs {@code work} holding the person's lock, given the conversation (read with the lock, in one step on Redis). */
    public <T> T withConversation(ContactChannel channel, String contact, String conversationId, Function<Held, T> work) {
        LockedSessions.Held lock = lockedSessions.lockAndGet("chat:" + personKey(channel, contact), List.of("chat:conv:" + conversationId),
                LEASE, WAIT).orElseThrow(ConversationStore::busy);
        try (Held held = held(lock)) {
            return work.apply(held);
        }
    }

    private static ConversationBusyException busy() {
        return new ConversationBusyException("the conversation is busy; try again");
    }

    /** The lock with the conversation read under it. */
    private Held held(LockedSessions.Held lock) {
        try {
            return new Held(lock, lock.value().map(stored::conversation));
        } catch (RuntimeException unreadable) {
            lock.close();
            throw unreadable;
        }
    }

    /** A person's lock, held, with the conversation read under it. Closing it releases the lock if the save has not. */
    public static final class Held implements AutoCloseable {
        private final LockedSessions.Held lock;
        private final Optional<Conversation> conversation;

        private Held(LockedSessions.Held lock, Optional<Conversation> conversation) {
            this.lock = lock;
            this.conversation = conversation;
        }

        /** The conversation read with the lock, whatever its status. */
        public Optional<Conversation> conversation() {
            return conversation;
        }

        /** The conversation read with the lock if it is still open (a closed one's person starts a new one). */
        public Optional<Conversation> open() {
            return conversation.filter(c -> c.status() != Conversation.Status.CLOSED);
        }

        @Override
        public void close() {
            lock.close();
        }
    }

    /** Where a provider's message id is remembered (with the receipt that records it sent), for its statuses. */
    private static String sentKey(ContactChannel channel, String providerMessageId) {
        return "chat:sent:" + channel.wireName() + ":" + providerMessageId;
    }

    /** Which message of which conversation a provider's message id was sent as. */
    public record Sent(String conversationId, String entryId) {}

    public Optional<Sent> sent(ContactChannel channel, String providerMessageId) {
        return store.get(sentKey(channel, providerMessageId))
                .map(v -> v.split(" ", 2)).map(ids -> new Sent(ids[0], ids[1]));
    }

    public ContactState contactState(ContactChannel channel, String contact) {
        return store.get("chat:person:" + personKey(channel, contact)).map(text -> json.readValue(text, ContactState.class))
                .orElse(new ContactState(true));
    }

    public void contactState(ContactChannel channel, String contact, ContactState state) {
        store.put("chat:person:" + personKey(channel, contact), json.writeValueAsString(state), Duration.ofDays(365));
    }

    private void changeIndex(java.util.function.Consumer<Map<String, OpenSummary>> change) {
        try (var lock = locks.tryLock(OPEN_INDEX, LEASE, WAIT)
                .orElseThrow(() -> new ConversationBusyException("the inbox index is busy; try again"))) {
            Map<String, OpenSummary> index = openIndex();
            change.accept(index);
            store.put(OPEN_INDEX, json.writeValueAsString(index), KEEP);
        }
    }

    /** The inbox lists conversations that reached a team: waiting in its queue, or with an officer. */
    private static boolean inInbox(Conversation c) {
        return c.status() == Conversation.Status.QUEUED || c.status() == Conversation.Status.ASSIGNED;
    }

    private static OpenSummary summary(Conversation c) {
        return new OpenSummary(c.id(), c.team(), c.status(), c.officerId());
    }

    private String personKey(ContactChannel channel, String contact) {
        return cipher.lookupHash(channel.wireName() + "|" + contact);
    }

    /** Another request holds the conversation for longer than a webhook may wait. */
    public static class ConversationBusyException extends RuntimeException {
        public ConversationBusyException(String message) {
            super(message);
        }
    }
}
