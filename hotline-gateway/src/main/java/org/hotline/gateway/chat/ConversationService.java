package org.hotline.gateway.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.contact.Person;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.routing.RoutingService;

/**
 * Everything that changes a conversation: a person's messages (answered by the flow until it
 * routes, then delivered to the team's inbox), officers' replies, assignment and closing, and the
 * providers' delivery statuses. Each change runs under the person's lock and is saved before its
 * effects (outgoing messages, the routing queue, the call log, inbox events) happen, so a failure
 * in between is finished by the provider's retry rather than lost.
 */
public class ConversationService {

    private final ContactRunner contacts;
    private final Flow flow;
    private final ConversationStore store;
    private final RoutingService routing;
    private final HotlineDirectory directory;
    private final ReferralOutbox outbox;
    private final InboxEvents inbox;
    private final Clock clock;
    private final ConversationCommits commits;
    private final ChatFlowSteps steps;
    private final ChatWriter writer;
    private final DeliveryReports deliveries;
    private final ChatDedupe dedupe;

    public ConversationService(ContactRunner contacts, ConversationStore store, ChatText text, RoutingService routing,
                             HotlineDirectory directory, ReferralOutbox outbox,
                             ChatSender sender, InboxEvents inbox, ChatSettings settings, Clock clock, ChatDedupe dedupe) {
        this.contacts = contacts;
        this.flow = contacts.flow();
        this.store = store;
        this.routing = routing;
        this.directory = directory;
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
        this.commits = new ConversationCommits(store, routing, inbox, contacts);
        this.steps = new ChatFlowSteps(text, contacts, directory, commits);
        this.writer = new ChatWriter(settings, commits);
        this.deliveries = new DeliveryReports(store, commits, inbox);
        this.dedupe = dedupe;
    }

    /** What the outbound queue reports to: sent, failed, still to send. */
    public ChatSender.Results deliveries() {
        return deliveries;
    }

    /**
     * Takes an event once: a repeat the provider sent (its dedupe mark set already) changes nothing.
     * A person's own events are marked with their lock, in one step; the others before their work.
     */
    public ChatReceipt handle(ChatEvent event) {
        if (!(event instanceof ChatEvent.Received || event instanceof ChatEvent.Started) && !dedupe.first(event)) {
            return ChatReceipt.DUPLICATE;
        }
        return switch (event) {
            case ChatEvent.Received received -> receive(received.message(), dedupe.mark(event));
            case ChatEvent.Started started -> started(started, dedupe.mark(event));
            case ChatEvent.Subscription subscription -> {
                subscription(subscription);
                yield ChatReceipt.DONE;
            }
            case ChatEvent.StatusUpdate update -> {
                deliveries.status(update.channel(), update.providerMessageId(), update.status(), update.error());
                yield ChatReceipt.DONE;
            }
            case ChatEvent.WebhookCheck check -> ChatReceipt.DONE;
        };
    }

    // --- the person ---

    private ChatReceipt receive(InboundMessage message, String seen) {
        Instant now = clock.instant();
        return store.withOpen(message.channel(), message.contact(), seen, ChatReceipt.DUPLICATE, held -> {
            Optional<Conversation> open = held.open();
            if (open.isPresent() && open.get().recentInbound().contains(message.providerMessageId())) {
                // saved by an earlier attempt that failed before its effects: finish those
                commits.commit(commits.redo(open.get()), held);
                return ChatReceipt.DONE;
            }
            ConversationChange work;
            FlowEngine.Result result;
            if (open.isEmpty()) {
                // the first message opens the conversation; its words do not answer a question not yet asked
                result = contacts.start(newId("c"), ConversationCommits.person(message.channel(), message.contact()), message.text());
                work = new ConversationChange(null, Conversation.open(result.state().sessionId(), message.channel(), message.contact(),
                        message.hotlineAddress(), message.profileName(), now, result.state()));
                work.changes.add(InboxChange.of("conversation", work.conversation, null));
            } else {
                Conversation c = open.get();
                work = new ConversationChange(c, c);
                result = c.status() == Conversation.Status.FLOW
                        ? contacts.reply(c.flow(), message.text())
                        : new FlowEngine.Result(List.of(), c.flow());
                if (c.status() != Conversation.Status.FLOW) {
                    writer.releaseHeld(work);
                }
            }
            ChatEntry entry = ChatEntry.inbound(work.conversation.nextEntryId(), message);
            work.conversation = work.conversation.received(message);
            work.entries.put(entry.id(), entry);
            work.changes.add(InboxChange.of("message", work.conversation, entry.id()));
            work.conversation = work.conversation.withFlow(result.state());
            Reply reply = steps.run(work, result.steps(), now);
            if (reply != null) {
                writer.write(work, reply, "flow", now);
            }
            commits.commit(work, held);
            return ChatReceipt.DONE;
        });
    }

    /** Viber: the person opened the chat. A new person gets the welcome (the flow's first question). */
    private ChatReceipt started(ChatEvent.Started event, String seen) {
        Instant now = clock.instant();
        return store.withOpen(event.channel(), event.contact(), seen, ChatReceipt.DUPLICATE, held -> {
            if (held.open().isPresent()) {
                return ChatReceipt.DONE;
            }
            FlowEngine.Result result = contacts.start(newId("c"), ConversationCommits.person(event.channel(), event.contact()));
            ConversationChange work = new ConversationChange(null, Conversation.open(result.state().sessionId(), event.channel(), event.contact(), null,
                    event.profileName(), now, result.state()));
            work.changes.add(InboxChange.of("conversation", work.conversation, null));
            Reply reply = steps.run(work, result.steps(), now);
            if (reply != null) {
                // the welcome travels in the webhook's answer: Viber takes it from there
                ChatEntry welcome = ChatEntry.outbound(work.conversation.nextEntryId(), "flow", reply.text(), now, Delivery.SENT, false);
                work.conversation = work.conversation.wrote(welcome.id(), now, false);
                work.entries.put(welcome.id(), welcome);
            }
            commits.commit(work, held);
            return new ChatReceipt(false, reply);
        });
    }

    private void subscription(ChatEvent.Subscription event) {
        store.contactState(event.channel(), event.contact(), new ConversationStore.ContactState(event.subscribed()));
        store.openFor(event.channel(), event.contact())
                .ifPresent(c -> inbox.publish(new InboxChange(event.subscribed() ? "subscribed" : "unsubscribed", c.id(), c.team(),
                        c.officerId(), c.status().wireName(), null)));
    }

    // --- officers ---

    /** What an officer's reply became: sent, or (WhatsApp, window closed) held while the template asks the person to write. */
    public record Written(String entryId, String delivery, boolean templateSent, String note) {}

    public Written reply(String conversationId, String officerId, String words) {
        Instant now = clock.instant();
        Written[] written = new Written[1];
        commits.change(conversationId, c -> {
            if (c.status() == Conversation.Status.CLOSED) {
                throw new ConversationStateException("the conversation is closed");
            }
            ConversationChange work = new ConversationChange(c, c);
            written[0] = writer.write(work, new Reply(words, List.of()), officerId, now);
            return work;
        });
        return written[0];
    }

    /** An officer takes a conversation (from their team's queue, or from a colleague when a supervisor moves it). */
    /** {@code takeOnly}: an officer taking it for themselves, which works only while nobody has it. */
    public void assign(String conversationId, String officerId, boolean takeOnly) {
        Conversation c = store.get(conversationId).orElseThrow(() -> new UnknownConversationException(conversationId));
        if (c.status() == Conversation.Status.CLOSED) {
            throw new ConversationStateException("the conversation is closed");
        }
        if (officerId.equals(c.officerId())) {
            return;
        }
        if (takeOnly && c.officerId() != null) {
            throw new ConversationStateException("the conversation is with another officer; a supervisor can reassign it");
        }
        if (directory.officer(officerId).isEmpty()) {
            throw new ConversationStateException("no officer " + officerId);
        }
        routing.take(c.id(), officerId);
        if (c.officerId() != null) {
            routing.ended(c.officerId(), Channel.CHAT, c.team(), null);
        }
        assigned(conversationId, officerId);
    }

    /** Routing gave the conversation to an officer (or an officer took it): the flow's route is answered. */
    public void assigned(String conversationId, String officerId) {
        Instant now = clock.instant();
        commits.change(conversationId, c -> {
            if (c.status() == Conversation.Status.CLOSED || officerId.equals(c.officerId())) {
                return new ConversationChange(c, c);
            }
            Conversation at = c.assigned(officerId, now);
            ConversationChange work = new ConversationChange(c, at);
            if (!at.flow().ended()) {
                FlowEngine.Result result = contacts.advance(at.flow(), new Input.RouteResult(Input.RouteOutcome.ANSWERED));
                work.conversation = at.withFlow(result.state());
                // the flow's words after an answered route are for calls; the officer writes now
                result.steps().stream().filter(s -> s instanceof Step.Refer)
                        .forEach(s -> steps.refer(work, (Step.Refer) s));
            }
            work.changes.add(InboxChange.of("conversation", work.conversation, null));
            return work;
        });
    }

    public void close(String conversationId, String outcome) {
        Instant now = clock.instant();
        Conversation closed = commits.change(conversationId, c -> {
            if (c.status() == Conversation.Status.CLOSED) {
                throw new ConversationStateException("the conversation is already closed");
            }
            ConversationChange work = new ConversationChange(c, c);
            commits.finish(work, outcome, outcome, now);
            return work;
        });
        if (closed.officerId() != null) {
            routing.ended(closed.officerId(), Channel.CHAT, closed.team(), null);
        }
    }

    /** An officer's referral for this person (already checked): to the outbox, and listed on the conversation. */
    public String attach(String conversationId, org.hotline.caseconnector.model.Referral referral) {
        commits.change(conversationId, c -> {
            outbox.add(referral);
            ConversationChange work = new ConversationChange(c, c);
            work.conversation = c.referred(referral.id());
            return work;
        });
        return referral.id();
    }

    /**
     * What the gateway knows of the person for an officer's referral: their address, their own answer
     * in the flow (and where), and where the transcript is.
     */
    public org.hotline.gateway.cases.OfficerReferrals.Person person(Conversation c) {
        String answer = c.flow() == null ? null : c.flow().vars().get("safe_to_call");
        return new org.hotline.gateway.cases.OfficerReferrals.Person(c.contact(), answer,
                answer == null ? null : org.hotline.gateway.flow.FlowEngine.consentStep(flow, c.flow()), transcriptRef(c));
    }

    static String transcriptRef(Conversation c) {
        return "/api/v1/conversations/" + c.id() + "/messages";
    }

    /** Letters only: an id must never look like a phone number to the log masking. */
    private static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 20; i++) {
            id.append((char) ('a' + random.nextInt(26)));
        }
        return id.toString();
    }

    public static class UnknownConversationException extends RuntimeException {
        public UnknownConversationException(String id) {
            super("no conversation " + id);
        }
    }

    public static class ConversationStateException extends RuntimeException {
        public ConversationStateException(String message) {
            super(message);
        }
    }
}
