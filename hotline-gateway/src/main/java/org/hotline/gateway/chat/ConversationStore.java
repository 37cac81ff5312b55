package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.LockedSessions;
import org.hotline.gateway.state.SessionStore;
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
     * Saves the conversation with its new or changed messages in one write (messages first where the
     * store writes in turn, so a conversation never counts a message it does not have), and keeps the
     * open index in step.
     */
    public void save(Conversation before, Conversation after, List<ChatEntry> entries) {
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach(e -> values.put(entryKey(after.id(), e.id()), stored.write(e)));
        String document = stored.write(after);
        values.put("chat:conv:" + after.id(), document);
        String personKey = "chat:contact:" + personKey(after.channel(), after.contact());
        if (after.status() != Conversation.Status.CLOSED) {
            values.put(personKey, document);
        }
        store.putAll(values, KEEP);
        if (after.status() == Conversation.Status.CLOSED && (before == null || before.status() != Conversation.Status.CLOSED)) {
            store.remove(personKey);
        }
        OpenSummary was = before == null || !inInbox(before) ? null : summary(before);
        OpenSummary now = inInbox(after) ? summary(after) : null;
        if (now != null && !now.equals(was)) {
            changeIndex(index -> index.put(now.id(), now));
        } else if (now == null && was != null) {
            changeIndex(index -> index.remove(was.id()));
        }
    }

    public Optional<ChatEntry> entry(String conversationId, String entryId) {
        return store.get(entryKey(conversationId, entryId)).map(stored::entry);
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
     * Runs {@code work} holding the person's lock, given their open conversation: the lock taken and
     * the conversation read in one step (one round trip on Redis). The lock is released after
     * {@code work}, which saves and then carries out the effects (the replies among them): releasing it
     * with the save would let the person's next message overtake this one's replies.
     */
    public <T> T withOpen(ContactChannel channel, String contact, java.util.function.Function<Optional<Conversation>, T> work) {
        String key = personKey(channel, contact);
        try (var held = lockedSessions.lockAndGet("chat:" + key, "chat:contact:" + key, LEASE, WAIT)
                .orElseThrow(() -> new ConversationBusyException("the conversation is busy; try again"))) {
            return work.apply(held.value().map(stored::conversation)
                    .filter(c -> c.status() != Conversation.Status.CLOSED));
        }
    }

    /** Runs {@code work} holding the person's lock. */
    public <T> T underLock(ContactChannel channel, String contact, Supplier<T> work) {
        try (var lock = locks.tryLock("chat:" + personKey(channel, contact), LEASE, WAIT)
                .orElseThrow(() -> new ConversationBusyException("the conversation is busy; try again"))) {
            return work.get();
        }
    }

    /** Remembers which conversation and entry a provider's message id belongs to, for its statuses. */
    public void rememberSent(ContactChannel channel, String providerMessageId, String conversationId, String entryId) {
        store.put("chat:sent:" + channel.wireName() + ":" + providerMessageId, conversationId + " " + entryId, KEEP);
    }

    /** Which message of which conversation a provider's message id was sent as. */
    public record Sent(String conversationId, String entryId) {}

    public Optional<Sent> sent(ContactChannel channel, String providerMessageId) {
        return store.get("chat:sent:" + channel.wireName() + ":" + providerMessageId)
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
