package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;

/**
 * What the providers and the outbound queue say about messages the hotline sent: sent (with the
 * provider's id), delivered, read, failed with a reason. Each moves its message forward, never back.
 */
final class DeliveryReports implements ChatSender.Results {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeliveryReports.class);

    private final ConversationStore store;
    private final ConversationCommits commits;

    DeliveryReports(ConversationStore store, ConversationCommits commits) {
        this.store = store;
        this.commits = commits;
    }

    /** A provider's status for a message the hotline sent; statuses of unknown messages are ignored. */
    public void status(ContactChannel channel, String providerMessageId, Delivery status, String error) {
        store.sent(channel, providerMessageId).ifPresent(sent -> commits.change(sent.conversationId(), c -> {
            ConversationChange work = new ConversationChange(c, c);
            commits.entry(work, sent.entryId()).ifPresent(e -> work.entries.put(e.id(), e.delivered(status, providerMessageId, error)));
            work.changes.add(InboxChange.of("delivery", work.conversation, sent.entryId()));
            return work;
        }));
    }

    /** The outbound queue reports a message sent (with the provider's id) or failed for good. */
    private void delivered(OutboundMessage message, String providerMessageId, String failure) {
        try {
            commits.change(message.channel(), message.to(), message.conversationId(), message.entryId(), (c, entry) -> {
                Delivery status = failure == null ? Delivery.SENT : Delivery.FAILED;
                ConversationChange work = new ConversationChange(c, c.settled(message.entryId()));
                entry.ifPresent(e -> work.entries.put(e.id(), e.delivered(status, providerMessageId, failure)));
                if (providerMessageId != null) {
                    // remembered with the change, for the provider's statuses that follow
                    work.sentAs.put(providerMessageId, message.entryId());
                }
                work.changes.add(InboxChange.of("delivery", work.conversation, message.entryId()));
                return work;
            });
        } catch (ConversationService.UnknownConversationException gone) {
            // the conversation is gone (the embedded store keeps conversations in memory, and the
            // gateway restarted): the reply went all the same, there is nothing left to record it in
            log.warn("{} message {} of a conversation this gateway no longer holds was {}", message.channel().wireName(),
                    message.entryId(), failure == null ? "sent" : "not sent: " + failure);
        }
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
