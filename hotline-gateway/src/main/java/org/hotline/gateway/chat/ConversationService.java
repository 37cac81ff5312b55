package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.gateway.calllog.CallOutcome;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.contact.Person;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.Flow;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.routing.QueuedContact;
import org.hotline.gateway.routing.RoutingService;

/**
 * Everything that changes a conversation: a person's messages (answered by the flow until it
 * routes, then delivered to the team's inbox), officers' replies, assignment and closing, and the
 * providers' delivery statuses. Each change runs under the person's lock and is saved before its
 * effects (outgoing messages, the routing queue, the call log, inbox events) happen, so a failure
 * in between is finished by the provider's retry rather than lost.
 */
public class ConversationService implements ChatSender.Results {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConversationService.class);

    private final ContactRunner contacts;
    private final Flow flow;
    private final ConversationStore store;
    private final ChatText text;
    private final RoutingService routing;
    private final HotlineDirectory directory;
    private final ReferralOutbox outbox;
    private final ChatSender sender;
    private final InboxEvents inbox;
    private final ChatSettings settings;
    private final Clock clock;

    public ConversationService(ContactRunner contacts, ConversationStore store, ChatText text, RoutingService routing,
                             HotlineDirectory directory, ReferralOutbox outbox,
                             ChatSender sender, InboxEvents inbox, ChatSettings settings, Clock clock) {
        this.contacts = contacts;
        this.flow = contacts.flow();
        this.store = store;
        this.text = text;
        this.routing = routing;
        this.directory = directory;
        this.outbox = outbox;
        this.sender = sender;
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** The conversation being changed and the effects to carry out once it is saved. */
    private static final class Change {
        final Conversation before;
        Conversation conversation;
        final List<OutboundMessage> outgoing = new ArrayList<>();
        final List<QueuedContact> toQueue = new ArrayList<>();
        final List<InboxChange> changes = new ArrayList<>();
        /** Messages added or changed: written before the conversation that counts them. */
        final Map<String, ChatEntry> entries = new LinkedHashMap<>();
        CallRecord record;

        Change(Conversation before, Conversation conversation) {
            this.before = before;
            this.conversation = conversation;
        }
    }

    public ChatReceipt handle(ChatEvent event) {
        return switch (event) {
            case ChatEvent.Received received -> {
                receive(received.message());
                yield ChatReceipt.DONE;
            }
            case ChatEvent.Started started -> new ChatReceipt(false, started(started));
            case ChatEvent.Subscription subscription -> {
                subscription(subscription);
                yield ChatReceipt.DONE;
            }
            case ChatEvent.StatusUpdate update -> {
                status(update.channel(), update.providerMessageId(), update.status(), update.error());
                yield ChatReceipt.DONE;
            }
            case ChatEvent.WebhookCheck check -> ChatReceipt.DONE;
        };
    }

    // --- the person ---

    private void receive(InboundMessage message) {
        Instant now = clock.instant();
        store.underLock(message.channel(), message.contact(), () -> {
            Optional<Conversation> open = store.openFor(message.channel(), message.contact());
            if (open.isPresent() && open.get().recentInbound().contains(message.providerMessageId())) {
                // saved by an earlier attempt that failed before its effects: finish those
                return commit(redo(open.get()));
            }
            Change work;
            FlowEngine.Result result;
            if (open.isEmpty()) {
                // the first message opens the conversation; its words do not answer a question not yet asked
                result = contacts.start(newId("c"), person(message.channel(), message.contact()));
                work = new Change(null, Conversation.open(result.state().sessionId(), message.channel(), message.contact(),
                        message.hotlineAddress(), message.profileName(), now, result.state()));
                work.changes.add(InboxChange.of("conversation", work.conversation, null));
            } else {
                Conversation c = open.get();
                work = new Change(c, c);
                result = c.status() == Conversation.Status.FLOW
                        ? contacts.advance(c.flow(), new Input.Text(message.text()))
                        : new FlowEngine.Result(List.of(), c.flow());
                if (c.status() != Conversation.Status.FLOW) {
                    releaseHeld(work);
                }
            }
            ChatEntry entry = ChatEntry.inbound(work.conversation.nextEntryId(), message);
            work.conversation = work.conversation.received(message);
            work.entries.put(entry.id(), entry);
            work.changes.add(InboxChange.of("message", work.conversation, entry.id()));
            work.conversation = work.conversation.withFlow(result.state());
            Reply reply = run(work, result.steps(), now);
            if (reply != null) {
                write(work, reply, "flow", now);
            }
            return commit(work);
        });
    }

    /** Viber: the person opened the chat. A new person gets the welcome (the flow's first question). */
    private Reply started(ChatEvent.Started event) {
        Instant now = clock.instant();
        return store.underLock(event.channel(), event.contact(), () -> {
            if (store.openFor(event.channel(), event.contact()).isPresent()) {
                return null;
            }
            FlowEngine.Result result = contacts.start(newId("c"), person(event.channel(), event.contact()));
            Change work = new Change(null, Conversation.open(result.state().sessionId(), event.channel(), event.contact(), null,
                    event.profileName(), now, result.state()));
            work.changes.add(InboxChange.of("conversation", work.conversation, null));
            Reply reply = run(work, result.steps(), now);
            if (reply != null) {
                // the welcome travels in the webhook's answer: Viber takes it from there
                ChatEntry welcome = ChatEntry.outbound(work.conversation.nextEntryId(), "flow", reply.text(), now, Delivery.SENT, false);
                work.conversation = work.conversation.wrote(welcome.id(), now, false);
                work.entries.put(welcome.id(), welcome);
            }
            commit(work);
            return reply;
        });
    }

    private void subscription(ChatEvent.Subscription event) {
        store.contactState(event.channel(), event.contact(), new ConversationStore.ContactState(event.subscribed()));
        store.openFor(event.channel(), event.contact())
                .ifPresent(c -> inbox.publish(new InboxChange(event.subscribed() ? "subscribed" : "unsubscribed", c.id(), c.team(),
                        c.officerId(), c.status().wireName(), null)));
    }

    // --- the provider ---

    /** A provider's status for a message the hotline sent; statuses of unknown messages are ignored. */
    public void status(ContactChannel channel, String providerMessageId, Delivery status, String error) {
        store.sent(channel, providerMessageId).ifPresent(sent -> change(sent.conversationId(), c -> {
            Change work = new Change(c, c);
            entry(work, sent.entryId()).ifPresent(e -> work.entries.put(e.id(), e.delivered(status, providerMessageId, error)));
            work.changes.add(InboxChange.of("delivery", work.conversation, sent.entryId()));
            return work;
        }));
    }

    /** The outbound queue reports a message sent (with the provider's id) or failed for good. */
    private void delivered(OutboundMessage message, String providerMessageId, String failure) {
        if (store.get(message.conversationId()).isEmpty()) {
            // the conversation is gone (the embedded store keeps conversations in memory, and the
            // gateway restarted): the reply went all the same, there is nothing left to record it in
            log.warn("{} message {} of a conversation this gateway no longer holds was {}", message.channel().wireName(),
                    message.entryId(), failure == null ? "sent" : "not sent: " + failure);
            return;
        }
        if (providerMessageId != null) {
            store.rememberSent(message.channel(), providerMessageId, message.conversationId(), message.entryId());
        }
        change(message.conversationId(), c -> {
            Delivery status = failure == null ? Delivery.SENT : Delivery.FAILED;
            Change work = new Change(c, c.settled(message.entryId()));
            entry(work, message.entryId()).ifPresent(e -> work.entries.put(e.id(), e.delivered(status, providerMessageId, failure)));
            work.changes.add(InboxChange.of("delivery", work.conversation, message.entryId()));
            return work;
        });
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

    // --- officers ---

    /** What an officer's reply became: sent, or (WhatsApp, window closed) held while the template asks the person to write. */
    public record Written(String entryId, String delivery, boolean templateSent, String note) {}

    public Written reply(String conversationId, String officerId, String words) {
        Instant now = clock.instant();
        Written[] written = new Written[1];
        change(conversationId, c -> {
            if (c.status() == Conversation.Status.CLOSED) {
                throw new ConversationStateException("the conversation is closed");
            }
            Change work = new Change(c, c);
            written[0] = write(work, new Reply(words, List.of()), officerId, now);
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
        change(conversationId, c -> {
            if (c.status() == Conversation.Status.CLOSED || officerId.equals(c.officerId())) {
                return new Change(c, c);
            }
            Conversation at = c.assigned(officerId, now);
            Change work = new Change(c, at);
            if (!at.flow().ended()) {
                FlowEngine.Result result = contacts.advance(at.flow(), new Input.RouteResult(Input.RouteOutcome.ANSWERED));
                work.conversation = at.withFlow(result.state());
                // the flow's words after an answered route are for calls; the officer writes now
                result.steps().stream().filter(s -> s instanceof Step.Refer)
                        .forEach(s -> refer(work, (Step.Refer) s));
            }
            work.changes.add(InboxChange.of("conversation", work.conversation, null));
            return work;
        });
    }

    public void close(String conversationId, String outcome) {
        Instant now = clock.instant();
        Conversation closed = change(conversationId, c -> {
            if (c.status() == Conversation.Status.CLOSED) {
                throw new ConversationStateException("the conversation is already closed");
            }
            Change work = new Change(c, c);
            finish(work, outcome, outcome, now);
            return work;
        });
        if (closed.officerId() != null) {
            routing.ended(closed.officerId(), Channel.CHAT, closed.team(), null);
        }
    }

    /** An officer's referral for this person (already checked): to the outbox, and listed on the conversation. */
    public String attach(String conversationId, org.hotline.caseconnector.model.Referral referral) {
        change(conversationId, c -> {
            outbox.add(referral);
            Change work = new Change(c, c);
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

    // --- the flow ---

    /** Carries out the flow's steps for chat and returns what to write back (null: nothing). */
    private Reply run(Change work, List<Step> steps, Instant now) {
        List<String> paragraphs = new ArrayList<>();
        List<Reply.Button> buttons = List.of();
        List<Step> todo = new ArrayList<>(steps);
        while (!todo.isEmpty()) {
            Step step = todo.removeFirst();
            switch (step) {
                case Step.Say say -> paragraphs.add(text.say(say));
                case Step.Ask ask -> {
                    Reply question = text.ask(ask);
                    paragraphs.add(question.text());
                    buttons = question.buttons();
                }
                case Step.Route route -> {
                    queue(work, route.team(), route.topic(), route.priority(), route.language(), now);
                    paragraphs.add(text.queued(route.language()));
                }
                case Step.Record record -> {
                    // no voicemail in a chat: the person writes instead
                    FlowEngine.Result next = contacts.advance(work.conversation.flow(), new Input.RecordingResult(false, null));
                    work.conversation = work.conversation.withFlow(next.state());
                    todo.addAll(0, next.steps());
                }
                case Step.Refer refer -> refer(work, refer);
                case Step.Transfer transfer -> {
                    // a chat cannot be put through to a phone: the hotline's first team takes it instead
                    String team = directory.teams().getFirst().id();
                    queue(work, team, work.conversation.flow().vars().get("topic"), Node.Priority.NORMAL,
                            work.conversation.language(), now);
                    paragraphs.add(text.queued(work.conversation.language()));
                }
                case Step.End end -> {
                    if (work.conversation.status() == Conversation.Status.FLOW) {
                        finish(work, "information", null, now);
                    }
                }
            }
        }
        return paragraphs.isEmpty() ? null : new Reply(String.join("\n\n", paragraphs), buttons);
    }

    private void queue(Change work, String team, String topic, Node.Priority priority, String language, Instant now) {
        work.conversation = work.conversation.queued(team, topic, priority, now);
        work.toQueue.add(QueuedContact.waiting(work.conversation.id(), Channel.CHAT, team, language, priority, topic, now));
        work.changes.add(InboxChange.of("conversation", work.conversation, null));
    }

    /** The flow's referral, with who the person is and where the transcript is. */
    private void refer(Change work, Step.Refer refer) {
        Conversation c = work.conversation;
        ContactRunner.Referred referred = contacts.refer(refer, person(c.channel(), c.contact()),
                new ContactRunner.Attachments(null, transcriptRef(c)));
        work.conversation = c.referred(referred.id());
    }

    /** Adds an outgoing message; on WhatsApp outside the 24-hour window it is held and the template goes instead. */
    private Written write(Change work, Reply reply, String author, Instant now) {
        Conversation c = work.conversation;
        boolean windowOpen = c.windowOpen(now);
        ChatEntry entry = ChatEntry.outbound(c.nextEntryId(), author, reply.text(), now, windowOpen ? Delivery.QUEUED : Delivery.HELD, false);
        work.conversation = c.wrote(entry.id(), now, true);
        work.entries.put(entry.id(), entry);
        work.changes.add(InboxChange.of("message", work.conversation, entry.id()));
        if (windowOpen) {
            work.outgoing.add(outbound(work.conversation, entry.id(), reply, false));
            return new Written(entry.id(), Delivery.QUEUED.wireName(), false, null);
        }
        if (settings.whatsappReopenTemplate() == null || settings.whatsappReopenTemplate().isBlank()) {
            return new Written(entry.id(), Delivery.HELD.wireName(), false, "WhatsApp's 24-hour window has closed and no approved template is "
                    + "configured (hotline.chat.whatsapp-reopen-template): the message waits until the person writes again");
        }
        boolean templatePending = c.pending().stream().map(id -> entry(work, id)).flatMap(Optional::stream).anyMatch(ChatEntry::template);
        if (!templatePending) {
            ChatEntry template = ChatEntry.outbound(work.conversation.nextEntryId(), author, null, now, Delivery.QUEUED, true);
            work.conversation = work.conversation.wrote(template.id(), now, true);
            work.entries.put(template.id(), template);
            work.outgoing.add(outbound(work.conversation, template.id(), new Reply("", List.of()), true));
        }
        return new Written(entry.id(), Delivery.HELD.wireName(), true, "WhatsApp's 24-hour window has closed: the approved template was sent to "
                + "ask the person to write back; this message follows as soon as they do");
    }

    /** The person wrote again: messages held for WhatsApp's window go now, in order. */
    private void releaseHeld(Change work) {
        for (String id : work.conversation.pending()) {
            Optional<ChatEntry> held = entry(work, id).filter(e -> e.delivery() == Delivery.HELD);
            if (held.isPresent()) {
                work.entries.put(id, held.get().delivered(Delivery.QUEUED, null, null));
                work.outgoing.add(outbound(work.conversation, id, new Reply(held.get().text(), List.of()), false));
                work.changes.add(InboxChange.of("delivery", work.conversation, id));
            }
        }
    }

    private static OutboundMessage outbound(Conversation c, String entryId, Reply reply, boolean template) {
        return new OutboundMessage(c.id(), entryId, c.channel(), c.contact(), c.hotlineAddress(), reply.text(), reply.buttons(), template);
    }

    /**
     * Closes the conversation: the call log gets its record (with {@code closing}, the officer's own
     * outcome, when an officer closed it), and the person's next message opens a new one.
     */
    private void finish(Change work, String outcome, String closing, Instant now) {
        Conversation c = work.conversation.closed(outcome, now);
        work.conversation = c;
        boolean answered = c.officerId() != null;
        CallOutcome result = answered ? CallOutcome.ANSWERED
                : c.queuedAt() != null ? CallOutcome.ABANDONED_IN_QUEUE : CallOutcome.INFORMATION_ONLY;
        Duration queueWait = c.queuedAt() == null ? Duration.ZERO
                : Duration.between(c.queuedAt(), c.assignedAt() != null ? c.assignedAt() : now);
        Duration talk = c.assignedAt() == null ? Duration.ZERO : Duration.between(c.assignedAt(), now);
        work.record = new CallRecord(c.id(), c.channel(), c.contact(), c.language(), c.topic(), c.team(), c.flow().path(),
                c.startedAt(), now, queueWait, c.officerId(), talk, result, c.referralIds(), closing, null);
        work.changes.add(InboxChange.of("conversation", c, null));
    }

    private Change redo(Conversation saved) {
        Change work = new Change(saved, saved);
        for (String id : saved.pending()) {
            entry(work, id).filter(e -> e.delivery() == Delivery.QUEUED)
                    .ifPresent(e -> work.outgoing.add(outbound(saved, e.id(), new Reply(e.text(), List.of()), e.template())));
        }
        if (saved.status() == Conversation.Status.QUEUED) {
            work.toQueue.add(QueuedContact.waiting(saved.id(), Channel.CHAT, saved.team(), saved.language(), saved.priority(),
                    saved.topic(), saved.queuedAt()));
        }
        return work;
    }

    // --- saving and effects ---

    private Conversation change(String conversationId, Function<Conversation, Change> change) {
        Conversation known = store.get(conversationId).orElseThrow(() -> new UnknownConversationException(conversationId));
        return store.underLock(known.channel(), known.contact(), () -> {
            Conversation current = store.get(conversationId).orElseThrow(() -> new UnknownConversationException(conversationId));
            return commit(change.apply(current));
        });
    }

    /** An entry as this change sees it: changed here, or as stored. */
    private Optional<ChatEntry> entry(Change work, String entryId) {
        ChatEntry changed = work.entries.get(entryId);
        return changed != null ? Optional.of(changed) : store.entry(work.conversation.id(), entryId);
    }

    private Conversation commit(Change work) {
        Conversation c = work.conversation;
        if (work.before == null || !c.equals(work.before) || !work.entries.isEmpty()) {
            store.save(work.before, c, List.copyOf(work.entries.values()));
        }
        work.outgoing.forEach(sender::enqueue);
        if (work.record != null) {
            contacts.ended(work.record, person(c.channel(), c.contact()));
            if (work.before != null && work.before.status() == Conversation.Status.QUEUED && c.officerId() == null) {
                routing.abandon(c.id());
            }
        }
        work.toQueue.forEach(routing::enqueue);
        work.changes.forEach(inbox::publish);
        return c;
    }

    /** A WhatsApp or SMS person has a number (remembered as the same person when they call); a messenger user only an id. */
    private static Person person(ContactChannel channel, String contact) {
        return new Person(channel, contact, channel.phoneAddressed() ? phoneOf(channel, contact) : null);
    }

    private static String phoneOf(ContactChannel channel, String contact) {
        return contact.startsWith("whatsapp:") ? contact.substring("whatsapp:".length()) : contact;
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
