package org.hotline.gateway.chat;

/**
 * A change in the officers' inbox, as the event stream sends it: ids and states only, never a
 * message's text or a person's address (the console fetches those with the officer's rights).
 *
 * @param kind {@code conversation} (opened, queued, assigned, closed), {@code message} (a new one,
 *             either way), {@code delivery} (a message's delivery changed; its status is the message's:
 *             queued, sent, delivered, read, failed), {@code queue} (routing's queue of a team changed: a
 *             call joined, rings for someone, left) or {@code call} (the call screen of the officer
 *             {@code officerId} changed; its status is the screen's stage) or {@code presence} (the
 *             officer {@code officerId}'s presence changed)
 */
public record InboxChange(String kind, String conversationId, String team, String officerId, String status, String entryId) {

    static InboxChange of(String kind, Conversation c, String entryId) {
        return new InboxChange(kind, c.id(), c.team(), c.officerId(), c.status().wireName(), entryId);
    }

    static InboxChange delivery(String conversationId, String team, String officerId, String entryId, Delivery delivery) {
        return new InboxChange("delivery", conversationId, team, officerId, delivery.wireName(), entryId);
    }
}
