package org.hotline.gateway.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.hotline.gateway.chat.ChatEntry;
import org.hotline.gateway.chat.Conversation;
import org.hotline.gateway.cases.IdempotencyKeys;
import org.hotline.gateway.cases.OfficerReferrals;
import org.hotline.gateway.cases.ReferralProgress;
import org.hotline.gateway.voice.asterisk.AsteriskCallbacks;
import org.springframework.beans.factory.ObjectProvider;
import org.hotline.gateway.chat.ConversationMedia;
import org.hotline.gateway.chat.ConversationHandover;
import org.hotline.gateway.chat.ConversationReferrals;
import org.hotline.gateway.chat.ConversationService;
import org.hotline.gateway.chat.ConversationStore;
import org.hotline.gateway.chat.InboxRules;
import org.hotline.gateway.chat.InboxViewer;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One conversation in the console: the messages in order with their delivery state, the person's
 * answers to the flow, the reply box and closing with an outcome. The rules are the inbox API's
 * ({@link InboxRules}); a refusal is shown in the officer's language. Forms post and redirect, so
 * they work without scripts; htmx refreshes the messages when the inbox's events say they changed.
 */
@Controller
@RequestMapping("/console/conversations")
class ConsoleConversationController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ConversationStore store;
    private final ConversationService conversations;
    private final HotlineDirectory directory;
    private final ConsoleUsers users;
    private final ConversationReferrals referrals;
    private final CallPanels calls;
    private final ReferralProgress progress;
    private final ObjectProvider<AsteriskCallbacks> callbacks;
    private final ConversationHandover handover;
    private final java.time.Clock clock;

    ConsoleConversationController(ConversationStore store, ConversationService conversations, HotlineDirectory directory,
                                  ConsoleUsers users, ConversationReferrals referrals, CallPanels calls, ReferralProgress progress,
                                  ObjectProvider<AsteriskCallbacks> callbacks, ConversationHandover handover, java.time.Clock clock) {
        this.handover = handover;
        this.clock = clock;
        this.progress = progress;
        this.callbacks = callbacks;
        this.calls = calls;
        this.referrals = referrals;
        this.store = store;
        this.conversations = conversations;
        this.directory = directory;
        this.users = users;
    }

    record Message(String id, String direction, String author, String text, String time, String delivery, String error, List<ConversationMedia> media) {}

    record Answers(String language, String topic, String safeToCall) {}

    /** {@code saved}: a saved reply to put in the reply box, in the person's language (the form works without scripts). */
    @GetMapping("/{id}")
    String conversation(@PathVariable String id, @RequestParam(required = false) String saved, Authentication authentication, Model model) {
        fill(id, viewer(authentication), model);
        if (saved != null) {
            Conversation c = (Conversation) model.getAttribute("conversation");
            directory.config().console().savedReplies().stream().filter(r -> r.id().equals(saved)).findFirst()
                    .ifPresent(reply -> model.addAttribute("draft", reply.textIn(c.language())));
        }
        return "console/conversation";
    }

    @GetMapping("/{id}/messages")
    String messagesPart(@PathVariable String id, Authentication authentication, Model model) {
        fill(id, viewer(authentication), model);
        return "console/conversation :: messages";
    }

    @PostMapping("/{id}/reply")
    String reply(@PathVariable String id, @RequestParam(required = false) String text, Authentication authentication,
                 RedirectAttributes redirect) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        try {
            InboxRules.checkReply(viewer, c, text);
            conversations.reply(id, viewer.user().officerId(), text);
        } catch (InboxRules.Refused refused) {
            redirect.addFlashAttribute("refused", refused.key());
            redirect.addFlashAttribute("draft", text);
        }
        return "redirect:/console/conversations/" + id;
    }

    /** An officer takes a conversation waiting for their team: it becomes theirs, and its page opens. */
    @PostMapping("/{id}/take")
    String take(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        try {
            handover.give(viewer, c, null);
            return "redirect:/console/conversations/" + id;
        } catch (InboxRules.Refused refused) {
            redirect.addFlashAttribute("refused", refused.key());
            return "redirect:/console";
        }
    }

    /**
     * A referral from the form, whose hidden key was made when the page was drawn: a double click or
     * a resent form makes one referral. {@code otherNumber}: a number the person gave for a callback;
     * without it a callback goes to the number they write from, which the officer never sees.
     */
    @PostMapping("/{id}/referrals")
    String refer(@PathVariable String id, @RequestParam String key, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String urgency, @RequestParam(required = false) String safeToCallBack,
                 @RequestParam(required = false) String consentNote, @RequestParam(required = false) String otherNumber,
                 @RequestParam(required = false) String notes, @RequestParam(required = false) String organisation,
                 Authentication authentication, RedirectAttributes redirect) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        String callbackNumber = !"callback".equals(kind) ? null : otherNumber == null || otherNumber.isBlank() ? "caller" : otherNumber;
        try {
            IdempotencyKeys.check(key);
            String referral = referrals.refer(viewer, c, new ConversationReferrals.NewReferral(kind, blankToNull(organisation), null, blankToNull(urgency),
                    blankToNull(safeToCallBack), blankToNull(consentNote), callbackNumber, blankToNull(notes)), key);
            redirect.addFlashAttribute("referred", referral);
        } catch (InboxRules.Refused refused) {
            redirect.addFlashAttribute("refused", refused.key());
        } catch (OfficerReferrals.InvalidRequestException | org.springframework.web.server.ResponseStatusException invalid) {
            redirect.addFlashAttribute("refused", "refused.referral.invalid");
            redirect.addFlashAttribute("refusedDetail", invalid.getMessage());
        }
        return "redirect:/console/conversations/" + id;
    }

    /** A supervisor gives the conversation to an officer, also away from the one it is with (audited); an officer, only to themselves. */
    @PostMapping("/{id}/assign")
    String assign(@PathVariable String id, @RequestParam String officer, Authentication authentication, RedirectAttributes redirect) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        try {
            handover.give(viewer, c, officer);
            redirect.addFlashAttribute("assigned", directory.officer(officer).map(o -> o.displayName()).orElse(officer));
        } catch (InboxRules.Refused refused) {
            redirect.addFlashAttribute("refused", refused.key());
        }
        return "redirect:/console/conversations/" + id;
    }

    /** The officer's phone rings, then the person's; the number stays with the gateway. Only for callback referrals of this conversation. */
    @PostMapping("/{id}/call-back")
    String callBack(@PathVariable String id, @RequestParam String referral, Authentication authentication, RedirectAttributes redirect) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        AsteriskCallbacks placer = callbacks.getIfAvailable();
        if (placer == null || !c.referralIds().contains(referral)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no callback " + referral + " in this conversation");
        }
        var officer = viewer.user().officerId() == null ? java.util.Optional.<org.hotline.gateway.config.HotlineConfig.Officer>empty()
                : directory.officer(viewer.user().officerId());
        switch (placer.callBack(referral, viewer.user(), officer)) {
            case AsteriskCallbacks.Outcome.Placed placed -> redirect.addFlashAttribute("callingBack", placed.referralId());
            case AsteriskCallbacks.Outcome.NotFound notFound -> redirect.addFlashAttribute("refused", "refused.callback.not-found");
            case AsteriskCallbacks.Outcome.Forbidden forbidden -> refuse(redirect, "refused.callback.forbidden", forbidden.reason());
            case AsteriskCallbacks.Outcome.Refused refused -> refuse(redirect, "refused.callback.refused", refused.reason());
            case AsteriskCallbacks.Outcome.AsteriskUnavailable down -> refuse(redirect, "refused.callback.unavailable", down.reason());
        }
        return "redirect:/console/conversations/" + id;
    }

    @GetMapping("/{id}/referrals")
    String referralsPart(@PathVariable String id, Authentication authentication, Model model) {
        fill(id, viewer(authentication), model);
        return "console/conversation :: referrals";
    }

    private static void refuse(RedirectAttributes redirect, String key, String detail) {
        redirect.addFlashAttribute("refused", key);
        redirect.addFlashAttribute("refusedDetail", detail);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable String id, @RequestParam(required = false) String outcome, Authentication authentication,
                 RedirectAttributes redirect) {
        InboxViewer viewer = viewer(authentication);
        Conversation c = visible(id, viewer);
        try {
            InboxRules.checkClose(viewer, c, outcome);
            conversations.close(id, outcome);
            redirect.addFlashAttribute("closed", true);
            return "redirect:/console";
        } catch (InboxRules.Refused refused) {
            redirect.addFlashAttribute("refused", refused.key());
            return "redirect:/console/conversations/" + id;
        }
    }

    private void fill(String id, InboxViewer viewer, Model model) {
        Conversation c = visible(id, viewer);
        ZoneId zone = users.zone();
        boolean links = viewer.user().supervises() || viewer.user().is(c.officerId());
        List<Message> messages = store.entries(c).stream().map(e -> new Message(e.id(), e.direction() == ChatEntry.Direction.IN ? "in" : "out",
                e.author(), e.text(), TIME.format(e.at().atZone(zone)), e.delivery() == null ? null : e.delivery().wireName(),
                e.error(), ConversationMedia.of(c, e, links))).toList();
        Map<String, String> vars = c.flow() == null ? Map.of() : c.flow().vars();
        model.addAttribute("conversation", c);
        model.addAttribute("contact", c.maskedContact());
        model.addAttribute("messages", messages);
        model.addAttribute("answers", new Answers(c.language(), vars.get("topic"), vars.get("safe_to_call")));
        model.addAttribute("mine", viewer.user().is(c.officerId()));
        // WhatsApp takes free text only within 24 hours of the person's last message; after that the
        // reply waits and a template asks the person to write (ConversationService.reply)
        model.addAttribute("windowClosed", !c.windowOpen(clock.instant()));
        model.addAttribute("mayClose", viewer.user().is(c.officerId()) || viewer.user().supervises());
        model.addAttribute("outcomes", InboxRules.OUTCOMES.stream().sorted().toList());
        model.addAttribute("maxReply", InboxRules.MAX_REPLY);
        model.addAttribute("savedReplies", directory.config().console().savedReplies());
        // the interpreter rule gave it to an officer who does not speak the person's language: say so
        model.addAttribute("notYourLanguage", viewer.user().officerId() != null && !directory.speaks(viewer.user().officerId(), c.language()));
        // the referral form's key: the same for every submission of this drawing of the page
        model.addAttribute("referralKey", "console-" + java.util.UUID.randomUUID());
        model.addAttribute("urgent", c.priority() == org.hotline.gateway.flow.Node.Priority.URGENT);
        model.addAttribute("languageNames", users.languageNames());
        model.addAttribute("call", calls.of(viewer).orElse(null));
        model.addAttribute("officerId", viewer.user().officerId());
        model.addAttribute("organisations", directory.config().organisations());
        // a supervisor may give it to any officer: those of its team first
        model.addAttribute("supervisor", viewer.user().supervises());
        model.addAttribute("officers", viewer.user().supervises() ? directory.officers().stream()
                .sorted(java.util.Comparator.comparing((org.hotline.gateway.config.HotlineConfig.Officer o) -> !o.teams().contains(c.team()))
                        .thenComparing(o -> o.displayName())).toList() : List.of());
        List<ReferralProgress.Progress> made = c.referralIds().stream().map(progress::of).flatMap(java.util.Optional::stream).toList();
        model.addAttribute("referralsMade", made);
        model.addAttribute("referralsWaiting", made.stream().anyMatch(r -> r.state() == ReferralProgress.State.WAITING));
        // callbacks are placed through Asterisk, by an officer (their phone rings first)
        model.addAttribute("mayCallBack", callbacks.getIfAvailable() != null && viewer.user().officerId() != null);
    }

    /** As the API: a conversation the officer may not see does not exist for them. */
    private Conversation visible(String id, InboxViewer viewer) {
        return store.get(id).filter(c -> viewer.sees(c.team(), c.officerId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id));
    }

    private InboxViewer viewer(Authentication authentication) {
        return users.viewer(authentication);
    }
}
