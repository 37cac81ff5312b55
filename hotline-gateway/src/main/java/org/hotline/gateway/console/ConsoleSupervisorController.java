package org.hotline.gateway.console;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.hotline.gateway.cases.DeadLetterReplays;
import org.hotline.gateway.chat.InboxViewer;
import org.hotline.gateway.routing.TeamOverrides;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' wallboard ({@code /console/supervisor}): the board redrawn live whenever a queue,
 * a conversation or an officer's presence changes; teams forced open or closed; dead letters replayed.
 * Officers never get here (the security rule for {@code /console/supervisor/**}).
 */
@Controller
class ConsoleSupervisorController {

    private final Wallboard wallboard;
    private final TeamOverrides overrides;
    private final DeadLetterReplays replays;
    private final ConsoleUsers users;

    ConsoleSupervisorController(Wallboard wallboard, TeamOverrides overrides, DeadLetterReplays replays, ConsoleUsers users) {
        this.wallboard = wallboard;
        this.overrides = overrides;
        this.replays = replays;
        this.users = users;
    }

    @GetMapping("/console/supervisor")
    String page(Authentication authentication, Model model) {
        fill(authentication, model);
        return "console/supervisor";
    }

    @GetMapping("/console/supervisor/board")
    String board(Authentication authentication, Model model) {
        fill(authentication, model);
        return "console/supervisor :: board";
    }

    /** {@code state}: open, closed or scheduled; {@code until}: a local time in the hotline's zone, or empty (until lifted). */
    @PostMapping("/console/supervisor/teams/{team}/override")
    String override(@PathVariable String team, @RequestParam String state, @RequestParam(required = false) String until,
                    @RequestParam(required = false) String reason, Authentication authentication, RedirectAttributes redirect) {
        InboxViewer viewer = users.viewer(authentication);
        try {
            java.time.Instant end = until == null || until.isBlank() ? null : LocalDateTime.parse(until.strip()).atZone(users.zone()).toInstant();
            overrides.set(viewer.user(), team, state, end, reason == null || reason.isBlank() ? null : reason.strip());
            redirect.addFlashAttribute("overridden", team);
        } catch (TeamOverrides.Refused refused) {
            redirect.addFlashAttribute("refused", refused.key());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("refused", "refused.override.until");
        }
        return "redirect:/console/supervisor";
    }

    @PostMapping("/console/supervisor/dead-letters/{id}/replay")
    String replay(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        InboxViewer viewer = users.viewer(authentication);
        if (replays.replay(viewer.user().username(), id).isPresent()) {
            redirect.addFlashAttribute("replayed", id);
        } else {
            redirect.addFlashAttribute("refused", "refused.replay.gone");
        }
        return "redirect:/console/supervisor";
    }

    private void fill(Authentication authentication, Model model) {
        model.addAttribute("board", wallboard.of(users.viewer(authentication)));
        model.addAttribute("languageNames", users.languageNames());
    }
}
