package org.hotline.gateway.chat;

/**
 * The outbound queue's word on one message: taken by the provider (with its id) or refused for good.
 * Kept beside the message rather than in it, so recording a send needs neither the person's lock
 * nor their conversation; the message's record is read with it while that record still says
 * queued ({@link ConversationStore#entry}).
 */
record DeliveryReceipt(Delivery status, String providerMessageId, String error) {

    /** A provider's error text may quote the person's address: only a scrubbed one is kept, as a message keeps it. */
    DeliveryReceipt {
        error = org.hotline.caseconnector.privacy.Masking.scrub(error);
    }

    ChatEntry over(ChatEntry queued) {
        return queued.delivered(status, providerMessageId, error);
    }
}
