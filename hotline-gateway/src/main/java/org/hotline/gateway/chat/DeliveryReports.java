package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;

/**
 * What the providers and the outbound queue say about messages the hotline sent: sent (with the
 * provider's id), delivered, read, failed with a reason. Each moves its message forward, never back.
 */
final class DeliveryReports implements ChatSender.Results {

    private final ConversationStore store;
    private final ConversationCommits commits;
    private final InboxEvents inbox;

    DeliveryReports(ConversationStore store, ConversationCommits commits, InboxEvents inbox) {
        this.store = store;
        this.commits = commits;
        this.inbox = inbox;
    }

    /** A provider's status for a message the hotline sent; statuses of unknown messages are ignored. */
    public void status(ContactChannel channel, String providerMessageId, Delivery status, String error) {
        store.sent(channel, providerMessageId).ifPresent(sent -> commits.change(sent.conversationId(), c -> {
            ConversationChange work = new ConversationChange(c, c);
            commits.entry(work, sent.entryId()).ifPresent(e -> {
                ChatEntry now = e.delivered(status, providerMessageId, error);
                work.entries.put(e.id(), now);
                work.changes.add(InboxChange.delivery(c.id(), c.team(), c.officerId(), e.id(), now.delivery()));
            });
            return work;
        }));
    }

    /**
     * The outbound queue reports a message sent (with the provider's id) or failed for good: a
     * receipt beside the message, without the person's lock (the queue sends while they write), and
     * the inboxes that listed the conversation when the message was queued hear of it.
     */
    private void delivered(OutboundMessage message, String providerMessageId, String failure) {
        Delivery status = failure == null ? Delivery.SENT : Delivery.FAILED;
        store.receipt(message, new DeliveryReceipt(status, providerMessageId, failure));
        inbox.publish(InboxChange.delivery(message.conversationId(), message.team(), message.officerId(), message.entryId(), status));
    }

    @Override
    public void sent(OutboundMessage message, String providerMessageId) {
        delivered(message, providerMessageId, null);
    }

    @Override
    public void failed(OutboundMessage message, String reason) {
        delivered(message, null, reason);
    }

    /** False when the entry was already sent (a message queued twice by a retried webhook goes once). */
    @Override
    public boolean stillToSend(OutboundMessage message) {
        return store.entry(message.conversationId(), message.entryId())
                .map(e -> e.providerId() == null && e.delivery() != Delivery.FAILED).orElse(true);
    }
}
