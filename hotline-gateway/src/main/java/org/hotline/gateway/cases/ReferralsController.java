package org.hotline.gateway.cases;

import java.util.List;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.caseconnector.delivery.OutboxSource;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.security.Masking;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The local case store's referrals, and the dead letters of any store, for supervisors; numbers masked. */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralsController {

    private final LocalCaseStore local;
    private final DeadLetters deadLetters;
    private final OutboxSource outbox;
    private final SecuritySettings security;

    ReferralsController(LocalCaseStore local, DeadLetters deadLetters, OutboxSource outbox, SecuritySettings security) {
        this.local = local;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.security = security;
    }

    record ReferralView(String id, String kind, String topic, String urgency, String team, String language, String channel,
                        String contact, String callbackNumber, String safeToCallBack, String recordingRef, String createdBy,
                        java.time.Instant createdAt, String status) {}

    @GetMapping
    List<ReferralView> referrals(@RequestParam(defaultValue = "100") int limit, Authentication authentication) {
        supervisorsOnly(authentication);
        return local.recent(Math.max(1, Math.min(limit, 1000))).stream()
                .map(r -> new ReferralView(r.id(), r.kind().toLowerCase(), r.topic(), r.urgency().toLowerCase(), r.team(), r.language(),
                        r.channel(), Masking.phone(r.contact()), r.callbackNumber() == null ? null : Masking.phone(r.callbackNumber()),
                        r.safeToCallBack().toLowerCase(), r.recordingRef(), r.createdBy(), r.createdAt(), r.status()))
                .toList();
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters(@RequestParam(defaultValue = "false") boolean all, Authentication authentication) {
        supervisorsOnly(authentication);
        return deadLetters.list(all, 500);
    }

    @PostMapping("/dead-letters/{id}/replay")
    DeadLetters.DeadLetter replay(@PathVariable long id, Authentication authentication) {
        supervisorsOnly(authentication);
        return deadLetters.replay(id, outbox)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id + " waiting for a replay"));
    }

    private void supervisorsOnly(Authentication authentication) {
        if (!SignedInUser.of(authentication, security).supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "referrals are for supervisors");
        }
    }
}
