package org.hotline.gateway.chat;

import java.util.Set;

/**
 * What an officer may do with a conversation, for the inbox API and the console alike. A refusal
 * carries the HTTP status the API answers with, a message key the console shows in the officer's
 * language, and the English text the API returns.
 */
public final class InboxRules {

    /** Outcomes an officer records when closing, for the call log and the supervisors. */
    public static final Set<String> OUTCOMES = Set.of("resolved", "referred", "information-given", "no-response", "not-relevant");
    /** A reply is one message; providers split longer texts unpredictably. */
    public static final int MAX_REPLY = 1600;

    private InboxRules() {}

    public static final class Refused extends RuntimeException {
        private final int status;
        private final String key;

        Refused(int status, String key, String message) {
            super(message);
            this.status = status;
            this.key = key;
        }

        public int status() {
            return status;
        }

        /** The console's message key, {@code refused.*}. */
        public String key() {
            return key;
        }
    }

    public static void checkReply(InboxViewer viewer, Conversation c, String text) {
        if (!viewer.user().is(c.officerId())) {
            throw new Refused(409, "refused.reply.not-yours", "only the officer the conversation is with replies; take it first");
        }
        if (text == null || text.isBlank()) {
            throw new Refused(400, "refused.reply.empty", "the reply needs a text");
        }
        if (text.length() > MAX_REPLY) {
            throw new Refused(400, "refused.reply.too-long", "a reply has at most " + MAX_REPLY + " characters");
        }
    }

    /** An officer takes a conversation waiting for one of their teams (a supervisor's reassignment is the API's). */
    public static void checkTake(InboxViewer viewer, Conversation c) {
        String officer = viewer.user().officerId();
        if (officer == null) {
            throw new Refused(400, "refused.take.not-officer", "name the officerId to give the conversation to");
        }
        if (c.officerId() != null) {
            throw c.officerId().equals(officer) ? new Refused(409, "refused.take.already-yours", "the conversation is already yours")
                    : new Refused(403, "refused.take.taken", "the conversation is with another officer; a supervisor can reassign it");
        }
        if (c.team() == null || !viewer.teams().contains(c.team())) {
            throw new Refused(403, "refused.take.other-team", "officers take conversations of their own teams");
        }
    }

    public static void checkRefer(InboxViewer viewer, Conversation c) {
        if (!viewer.user().is(c.officerId()) && !viewer.user().supervises()) {
            throw new Refused(403, "refused.refer.not-yours", "the officer the conversation is with, or a supervisor, refers");
        }
    }

    public static void checkClose(InboxViewer viewer, Conversation c, String outcome) {
        if (!viewer.user().is(c.officerId()) && !viewer.user().supervises()) {
            throw new Refused(403, "refused.close.not-yours", "the officer the conversation is with, or a supervisor, closes it");
        }
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new Refused(400, "refused.close.outcome", "outcome must be one of " + OUTCOMES.stream().sorted().toList());
        }
    }
}
