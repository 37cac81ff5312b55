package org.hotline.gateway.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hotline.gateway.cases.IdempotencyKeys;
import org.hotline.gateway.cases.OfficerReferrals;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Node;
import org.hotline.caseconnector.privacy.Masking;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The officers' inbox: conversations assigned to them and waiting in their teams' queues, the
 * messages, replying, taking, closing, referring, and a stream of changes. Officers see only their
 * teams' conversations (and those assigned to them); supervisors see all. The person's address is
 * masked; media links go only to the officer the conversation is with (and supervisors).
 */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationsController {


    private final ConversationStore store;
    private final ConversationService conversations;
    private final InboxEvents events;
    private final HotlineDirectory directory;
    private final SecuritySettings security;
    private final java.time.Clock clock;
    private final MediaFetcher mediaFetcher;
    private final ConversationHandover handover;
    private final Inbox inbox;
    private final ConversationReferrals conversationReferrals;

    ConversationsController(ConversationStore store, ConversationService conversations, InboxEvents events, HotlineDirectory directory,
                            SecuritySettings security, java.time.Clock clock, MediaFetcher mediaFetcher,
                            Inbox inbox, ConversationReferrals conversationReferrals, ConversationHandover handover) {
        this.handover = handover;
        this.inbox = inbox;
        this.conversationReferrals = conversationReferrals;
        this.mediaFetcher = mediaFetcher;
        this.clock = clock;
        this.store = store;
        this.conversations = conversations;
        this.events = events;
        this.directory = directory;
        this.security = security;
    }

    record ConversationView(String id, String channel, String status, String team, String topic, String priority, String language,
                            String officerId, String contact, String profileName, Instant startedAt, Instant queuedAt,
                            Instant lastMessageAt, int messages, boolean windowOpen, boolean subscribed, String outcome,
                            List<String> referralIds) {}

    record MessageView(String id, String direction, String author, String text, List<ConversationMedia> media, Instant at, String delivery,
                       String error, boolean template) {}


    /** {@code view}: {@code mine} (assigned to me), {@code queue} (waiting for my teams), or both (default). */
    @GetMapping
    List<ConversationView> list(@RequestParam(required = false) String view, Authentication authentication) {
        Instant now = clock.instant();
        Inbox.Part part = view == null ? Inbox.Part.ALL : switch (view) {
            case "mine" -> Inbox.Part.MINE;
            case "queue" -> Inbox.Part.QUEUE;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "view is mine or queue");
        };
        return inbox.of(viewer(authentication), part).stream().map(c -> view(c, now)).toList();
    }

    @GetMapping("/{id}")
    ConversationView one(@PathVariable String id, Authentication authentication) {
        return view(visible(id, viewer(authentication)), clock.instant());
    }

    @GetMapping("/{id}/messages")
    List<MessageView> messages(@PathVariable String id, Authentication authentication) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        boolean mediaLinks = viewer.user().supervises() || viewer.user().is(c.officerId());
        return store.entries(c).stream().map(e -> new MessageView(e.id(), e.direction().name().toLowerCase(), e.author(), e.text(),
                ConversationMedia.of(c, e, mediaLinks), e.at(), e.delivery() == null ? null : e.delivery().wireName(), e.error(), e.template())).toList();
    }

    /** A file the person sent, for the officer the conversation is with (and supervisors). */
    @GetMapping("/{id}/messages/{entryId}/media/{index}")
    ResponseEntity<byte[]> media(@PathVariable String id, @PathVariable String entryId, @PathVariable int index,
                                 Authentication authentication) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        if (!viewer.user().supervises() && !viewer.user().is(c.officerId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "media are for the officer the conversation is with");
        }
        MediaRef ref = store.entry(id, entryId).filter(e -> index >= 0 && index < e.media().size()).map(e -> e.media().get(index))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such media"));
        try {
            MediaFetcher.Media media = mediaFetcher.fetch(ref);
            return ResponseEntity.ok().header("Content-Type", media.contentType()).header("Cache-Control", "no-store")
                    .header("Content-Disposition", "attachment").body(media.bytes());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (MediaFetcher.MediaUnavailableException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.getMessage());
        }
    }

    record NewMessage(String text) {}

    @PostMapping("/{id}/messages")
    ResponseEntity<ConversationService.Written> reply(@PathVariable String id, @RequestBody NewMessage message, Authentication authentication) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        InboxRules.checkReply(viewer, c, message == null ? null : message.text());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(conversations.reply(id, viewer.user().officerId(), message.text()));
    }

    /**
     * {@code officerId}: a supervisor gives the conversation to an officer (audited); an officer
     * leaves it out to take an unassigned conversation of one of their teams. Nobody takes a
     * conversation from the officer it is with, except by a supervisor's reassignment.
     */
    record Assignment(String officerId) {}

    @PostMapping("/{id}/assign")
    ConversationView assign(@PathVariable String id, @RequestBody(required = false) Assignment assignment, Authentication authentication) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        handover.give(viewer, c, assignment == null ? null : assignment.officerId());
        return view(store.get(id).orElseThrow(), clock.instant());
    }

    record Closing(String outcome) {}

    @PostMapping("/{id}/close")
    ConversationView close(@PathVariable String id, @RequestBody Closing closing, Authentication authentication) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        InboxRules.checkClose(viewer, c, closing == null ? null : closing.outcome());
        conversations.close(id, closing.outcome());
        return view(store.get(id).orElseThrow(), clock.instant());
    }

    record Referred(String id) {}

    @PostMapping("/{id}/referrals")
    ResponseEntity<Referred> refer(@PathVariable String id, @RequestBody ConversationReferrals.NewReferral request,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication authentication) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        InboxRules.checkRefer(viewer, c);
        IdempotencyKeys.check(key);
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(new Referred(conversationReferrals.refer(viewer, c, request, key)));
        } catch (OfficerReferrals.InvalidRequestException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** Inbox changes as server-sent events, for the conversations this user may see. */
    @GetMapping(path = "/events", produces = "text/event-stream")
    SseEmitter events(Authentication authentication) {
        InboxViewer viewer = viewer(authentication);
        return events.subscribe(change -> viewer.sees(change.team(), change.officerId()), Duration.ofHours(1));
    }

    @ExceptionHandler(InboxRules.Refused.class)
    ResponseEntity<String> refused(InboxRules.Refused e) {
        return ResponseEntity.status(e.status()).body(e.getMessage());
    }

    @ExceptionHandler(ConversationService.UnknownConversationException.class)
    ResponseEntity<String> unknown(ConversationService.UnknownConversationException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.getMessage());
    }

    @ExceptionHandler(ConversationService.ConversationStateException.class)
    ResponseEntity<String> conflict(ConversationService.ConversationStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(e.getMessage());
    }


    private InboxViewer viewer(Authentication authentication) {
        return InboxViewer.of(SignedInUser.of(authentication, security), directory)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "the inbox is for officers and supervisors"));
    }

    private Conversation visible(String id, InboxViewer viewer) {
        Conversation c = store.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id));
        if (!viewer.sees(c.team(), c.officerId())) {
            // a conversation still with the flow has no team yet: nobody but supervisors reads it
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id);
        }
        return c;
    }

    /** {@code subscribed}: false once a Viber user unsubscribed; the hotline can no longer write to them. */
    private ConversationView view(Conversation c, Instant now) {
        String contact = c.maskedContact();
        return new ConversationView(c.id(), c.channel().wireName(), c.status().wireName(), c.team(), c.topic(),
                c.priority() == null ? null : c.priority().name().toLowerCase(), c.language(), c.officerId(), contact, c.profileName(),
                c.startedAt(), c.queuedAt(), c.lastMessageAt(), c.entryCount(), c.windowOpen(now),
                store.contactState(c.channel(), c.contact()).subscribed(), c.outcome(), c.referralIds());
    }
}
