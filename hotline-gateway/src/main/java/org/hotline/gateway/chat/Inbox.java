package org.hotline.gateway.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hotline.gateway.flow.Node;

/** The open conversations a viewer sees, urgent first, then the longest waiting. */
public class Inbox {

    /** Which part of the inbox: assigned to the viewer, waiting for a team, or both. */
    public enum Part { MINE, QUEUE, ALL }

    private final ConversationStore store;

    public Inbox(ConversationStore store) {
        this.store = store;
    }

    public List<Conversation> of(InboxViewer viewer, Part part) {
        return store.openIndex().values().stream()
                .filter(s -> viewer.sees(s.team(), s.officerId()))
                .filter(s -> part == Part.ALL
                        || part == Part.MINE && viewer.user().is(s.officerId())
                        || part == Part.QUEUE && s.status() == Conversation.Status.QUEUED)
                .map(s -> store.get(s.id()).orElse(null))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing((Conversation c) -> c.priority() == Node.Priority.URGENT ? 0 : 1)
                        .thenComparing(c -> c.queuedAt() != null ? c.queuedAt() : c.startedAt()))
                .toList();
    }
}
