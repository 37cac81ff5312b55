package org.hotline.gateway.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.contact.ContactRunner;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.flow.FlowEngine;
import org.hotline.gateway.flow.Input;
import org.hotline.gateway.flow.Node;
import org.hotline.gateway.flow.Step;
import org.hotline.gateway.routing.QueuedContact;

/**
 * The flow's steps as chat: what is said and asked becomes one message (a question's choices as
 * buttons too), a route puts the conversation in the team's queue, a voicemail is not offered (the
 * person writes instead), a transfer goes to the first team, the end closes the conversation.
 */
final class ChatFlowSteps {

    private final ChatText text;
    private final ContactRunner contacts;
    private final HotlineDirectory directory;
    private final ConversationCommits commits;

    ChatFlowSteps(ChatText text, ContactRunner contacts, HotlineDirectory directory, ConversationCommits commits) {
        this.text = text;
        this.contacts = contacts;
        this.directory = directory;
        this.commits = commits;
    }

    /** Carries out the flow's steps for chat and returns what to write back (null: nothing). */
    Reply run(ConversationChange work, List<Step> steps, Instant now) {
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
                        commits.finish(work, "information", null, now);
                    }
                }
            }
        }
        return paragraphs.isEmpty() ? null : new Reply(String.join("\n\n", paragraphs), buttons);
    }

    private void queue(ConversationChange work, String team, String topic, Node.Priority priority, String language, Instant now) {
        work.conversation = work.conversation.queued(team, topic, priority, now);
        work.toQueue.add(QueuedContact.waiting(work.conversation.id(), Channel.CHAT, team, language, priority, topic, now));
        work.changes.add(InboxChange.of("conversation", work.conversation, null));
    }

    /** The flow's referral, with who the person is and where the transcript is. */
    void refer(ConversationChange work, Step.Refer refer) {
        Conversation c = work.conversation;
        ContactRunner.Referred referred = contacts.refer(refer, ConversationCommits.person(c.channel(), c.contact()),
                new ContactRunner.Attachments(null, ConversationService.transcriptRef(c)));
        work.conversation = c.referred(referred.id());
    }
}
