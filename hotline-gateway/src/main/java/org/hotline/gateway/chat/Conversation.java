package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.flow.FlowState;
import org.hotline.gateway.flow.Node.Priority;

/**
 * A conversation with one person on one channel, from their first message until an officer (or the
 * flow) closes it. Stored encrypted in the state store under its id, its messages each under their
 * own key (so a message costs the same in a long conversation as in a short one); the person's
 * address is found through a keyed hash, never stored as a key.
 *
 * @param hotlineAddress the hotline's own address they wrote to (replies come from it)
 * @param lastInboundAt  their latest message: WhatsApp's 24-hour window runs from it
 * @param entryCount     how many messages the transcript holds; entry ids are {@code m1}, {@code m2}, ...
 * @param recentInbound  the provider ids of their latest messages, to know a retried webhook already saved
 * @param pending        outgoing entries not yet taken by the provider (queued, or held for WhatsApp's window);
 *                       the outbound queue's receipts settle them beside the entries, and they leave this
 *                       list at the conversation's next change that reads it ({@code ConversationCommits.pending})
 * @param outcome        what the officer recorded when closing
 */
public record Conversation(String id, ContactChannel channel, String contact, String hotlineAddress, String profileName,
                           Instant startedAt, Status status, FlowState flow, String team, String topic, Priority priority,
                           String officerId, Instant queuedAt, Instant assignedAt, Instant closedAt, String outcome,
                           Instant lastInboundAt, Instant lastMessageAt, int entryCount, List<String> recentInbound,
                           List<String> pending, List<String> referralIds) {

    /** With the flow (the bot is answering), waiting in a team's queue, with an officer, or finished. */
    public enum Status {
        FLOW, QUEUED, ASSIGNED, CLOSED;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    private static final int RECENT = 8;

    public Conversation {
        recentInbound = recentInbound == null ? List.of() : List.copyOf(recentInbound);
        pending = pending == null ? List.of() : List.copyOf(pending);
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
    }

    static Conversation open(String id, ContactChannel channel, String contact, String hotlineAddress, String profileName,
                             Instant now, FlowState flow) {
        return new Conversation(id, channel, contact, hotlineAddress, profileName, now, Status.FLOW, flow, null, null, null,
                null, null, null, null, null, null, now, 0, List.of(), List.of(), List.of());
    }

    /** The person's address as officers and logs see it: a number masked, a messenger id reduced to its size. */
    public String maskedContact() {
        return channel.masked(contact);
    }

    public String language() {
        return flow.language();
    }

    /** WhatsApp lets a business write freely only within 24 hours of the person's last message. */
    public boolean windowOpen(Instant now) {
        return channel.replyWindow().map(window -> lastInboundAt != null && Duration.between(lastInboundAt, now).compareTo(window) < 0)
                .orElse(true);
    }

    /** The id the next message of the transcript gets. */
    String nextEntryId() {
        return "m" + (entryCount + 1);
    }

    List<String> entryIds() {
        List<String> ids = new ArrayList<>(entryCount);
        for (int i = 1; i <= entryCount; i++) {
            ids.add("m" + i);
        }
        return ids;
    }

    Conversation withFlow(FlowState next) {
        return new Conversation(id, channel, contact, hotlineAddress, profileName, startedAt, status, next, team, topic, priority,
                officerId, queuedAt, assignedAt, closedAt, outcome, lastInboundAt, lastMessageAt, entryCount, recentInbound, pending,
                referralIds);
    }

    /** One more message from the person. */
    Conversation received(InboundMessage message) {
        List<String> recent = new ArrayList<>(recentInbound);
        recent.add(message.providerMessageId());
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
        return new Conversation(id, channel, contact, hotlineAddress, message.profileName() != null ? message.profileName() : profileName,
                startedAt, status, flow, team, topic, priority, officerId, queuedAt, assignedAt, closedAt, outcome, message.timestamp(),
                message.timestamp(), entryCount + 1, recent, pending, referralIds);
    }

    /** One more message to the person; {@code waiting}: it is not with the provider yet. */
    Conversation wrote(String entryId, Instant at, boolean waiting) {
        List<String> stillPending = new ArrayList<>(pending);
        if (waiting) {
            stillPending.add(entryId);
        }
        return new Conversation(id, channel, contact, hotlineAddress, profileName, startedAt, status, flow, team, topic, priority,
                officerId, queuedAt, assignedAt, closedAt, outcome, lastInboundAt, at, entryCount + 1, recentInbound, stillPending,
                referralIds);
    }

    /** The provider took (or finally refused) an outgoing message. */
    Conversation settled(String entryId) {
        if (!pending.contains(entryId)) {
            return this;
        }
        List<String> stillPending = new ArrayList<>(pending);
        stillPending.remove(entryId);
        return new Conversation(id, channel, contact, hotlineAddress, profileName, startedAt, status, flow, team, topic, priority,
                officerId, queuedAt, assignedAt, closedAt, outcome, lastInboundAt, lastMessageAt, entryCount, recentInbound, stillPending,
                referralIds);
    }

    Conversation queued(String toTeam, String aboutTopic, Priority withPriority, Instant at) {
        return new Conversation(id, channel, contact, hotlineAddress, profileName, startedAt, Status.QUEUED, flow, toTeam,
                aboutTopic, withPriority, null, queuedAt != null ? queuedAt : at, null, null, null, lastInboundAt, lastMessageAt,
                entryCount, recentInbound, pending, referralIds);
    }

    Conversation assigned(String officer, Instant at) {
        return new Conversation(id, channel, contact, hotlineAddress, profileName, startedAt, Status.ASSIGNED, flow, team, topic,
                priority, officer, queuedAt, at, null, null, lastInboundAt, lastMessageAt, entryCount, recentInbound, pending, referralIds);
    }

    Conversation closed(String how, Instant at) {
        return new Conversation(id, channel, contact, hotlineAddress, profileName, startedAt, Status.CLOSED, flow, team, topic,
                priority, officerId, queuedAt, assignedAt, at, how, lastInboundAt, lastMessageAt, entryCount, recentInbound, pending,
                referralIds);
    }

    Conversation referred(String referralId) {
        List<String> ids = new ArrayList<>(referralIds);
        if (!ids.contains(referralId)) {
            ids.add(referralId);
        }
        return new Conversation(id, channel, contact, hotlineAddress, profileName, startedAt, status, flow, team, topic, priority,
                officerId, queuedAt, assignedAt, closedAt, outcome, lastInboundAt, lastMessageAt, entryCount, recentInbound, pending, ids);
    }
}
