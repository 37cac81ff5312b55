package org.hotline.gateway.chat;

import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.config.HotlineDirectory;

/**
 * Who a conversation is given to, for the inbox API and the console alike: an officer takes an
 * unassigned conversation of one of their teams ({@link InboxRules#checkTake}); a supervisor gives
 * any conversation to any officer, also away from the officer it is with, and that is audited.
 */
public class ConversationHandover {

    private final ConversationService conversations;
    private final HotlineDirectory directory;
    private final AuditTrail audit;

    public ConversationHandover(ConversationService conversations, HotlineDirectory directory, AuditTrail audit) {
        this.conversations = conversations;
        this.directory = directory;
        this.audit = audit;
    }

    /** {@code officerId} null: the viewer takes it themselves. */
    public void give(InboxViewer viewer, Conversation c, String officerId) {
        String officer = officerId == null ? viewer.user().officerId() : officerId;
        if (officer == null) {
            throw new InboxRules.Refused(400, "refused.take.not-officer", "name the officerId to give the conversation to");
        }
        if (directory.officer(officer).isEmpty()) {
            throw new InboxRules.Refused(400, "refused.assign.no-officer", "no officer " + officer);
        }
        boolean supervisor = viewer.user().supervises();
        if (!supervisor) {
            if (!officer.equals(viewer.user().officerId())) {
                throw new InboxRules.Refused(403, "refused.assign.not-supervisor", "only supervisors give conversations to other officers");
            }
            InboxRules.checkTake(viewer, c);
        }
        conversations.assign(c.id(), officer, !supervisor);
        if (supervisor) {
            audit.record(viewer.user().username(), c.officerId() == null ? "conversation.assign" : "conversation.reassign", c.id(), "done",
                    (c.officerId() == null ? "" : "from " + c.officerId() + " ") + "to " + officer);
        }
    }
}
