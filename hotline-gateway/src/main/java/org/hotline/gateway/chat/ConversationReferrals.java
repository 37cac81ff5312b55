package org.hotline.gateway.chat;

import java.time.Clock;
import org.hotline.gateway.cases.OfficerReferrals;

/**
 * An officer's referral for the person of a conversation, for the inbox API and the console alike:
 * the case store gets the person's address, the conversation's team, topic, language and channel,
 * and the transcript's reference. Its id is the conversation's and the request's idempotency key,
 * so a request sent twice (a retry, a double click) makes one referral.
 */
public class ConversationReferrals {

    /** What the officer asks for; what is left out comes from the conversation. */
    public record NewReferral(String kind, String organisation, String topic, String urgency, String safeToCallBack, String consentNote, String callbackNumber,
                              String notes) {}

    private final ConversationService conversations;
    private final OfficerReferrals referrals;
    private final Clock clock;

    public ConversationReferrals(ConversationService conversations, OfficerReferrals referrals, Clock clock) {
        this.conversations = conversations;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** The referral's id; refused by {@link InboxRules} or, for a field that cannot be taken, {@link OfficerReferrals.InvalidRequestException}. */
    public String refer(InboxViewer viewer, Conversation c, NewReferral request, String idempotencyKey) {
        InboxRules.checkRefer(viewer, c);
        String officer = viewer.user().officerId() != null ? viewer.user().officerId() : viewer.user().username();
        var referral = referrals.build(c.id() + ":" + idempotencyKey, new OfficerReferrals.Request(request.kind(), c.team(), request.organisation(),
                        request.topic() != null ? request.topic() : c.topic(),
                        request.urgency() != null ? request.urgency() : c.priority() == null ? null : c.priority().name(),
                        c.language(), c.channel().wireName(), null, request.callbackNumber(), request.safeToCallBack(),
                        request.consentNote(), null, null, request.notes()),
                conversations.person(c), officer, clock.instant());
        return conversations.attach(c.id(), referral);
    }
}
