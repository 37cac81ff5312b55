package org.hotline.gateway.console;

import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.chat.InboxViewer;
import org.hotline.gateway.interpreter.InterpreterRequests;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The call screen's part of the console: redrawn when the officer's call changes, their notes, done after wrap-up. */
@Controller
class ConsoleCallController {

    private final CallScreens screens;
    private final CallPanels panels;
    private final ConsoleUsers users;
    private final AuditTrail audit;
    private final InterpreterRequests requests;

    ConsoleCallController(CallScreens screens, CallPanels panels, ConsoleUsers users, AuditTrail audit, InterpreterRequests requests) {
        this.requests = requests;
        this.screens = screens;
        this.panels = panels;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/console/call")
    String call(Authentication authentication, Model model) {
        model.addAttribute("call", panels.of(users.viewer(authentication)).orElse(null));
        model.addAttribute("languageNames", users.languageNames());
        return "console/call :: screen";
    }

    /** Notes on the call on the officer's screen: kept with its record (audited: who wrote on which call). */
    @PostMapping("/console/call/{callId}/notes")
    String notes(@PathVariable String callId, @RequestParam String notes, Authentication authentication, Model model) {
        InboxViewer viewer = users.viewer(authentication);
        if (notes.length() > CallScreens.MAX_NOTES) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "notes: at most " + CallScreens.MAX_NOTES + " characters");
        }
        String officer = viewer.user().officerId();
        if (officer == null || !screens.saveNotes(officer, callId, notes)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "that call is not on your screen");
        }
        audit.record(viewer.user().username(), "call.notes", callId, "saved", notes.length() + " characters");
        model.addAttribute("call", panels.of(viewer).orElse(null));
        model.addAttribute("languageNames", users.languageNames());
        return "console/call :: screen";
    }

    /** "Add an interpreter" for the caller's language: one rule with the API (InterpreterRequests, audited). */
    @PostMapping("/console/call/{callId}/interpreter")
    String interpreter(@PathVariable String callId, Authentication authentication, Model model) {
        InboxViewer viewer = users.viewer(authentication);
        String officer = viewer.user().officerId();
        if (officer == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the officer on the call asks for an interpreter");
        }
        if (requests.ask(viewer.user().username(), officer, callId, null) instanceof InterpreterRequests.Outcome.NotOnYourLine) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "that call is not on your line");
        }
        model.addAttribute("call", panels.of(viewer).orElse(null));
        model.addAttribute("languageNames", users.languageNames());
        return "console/call :: screen";
    }

    @PostMapping("/console/call/{callId}/done")
    String done(@PathVariable String callId, Authentication authentication, Model model) {
        InboxViewer viewer = users.viewer(authentication);
        if (viewer.user().officerId() != null) {
            screens.dismiss(viewer.user().officerId(), callId);
        }
        model.addAttribute("call", panels.of(viewer).orElse(null));
        model.addAttribute("languageNames", users.languageNames());
        return "console/call :: screen";
    }
}
