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

/**
 * Referrals: officers make them (to any case store); supervisors list the local store's, and the
 * dead letters of any store, and replay those. Numbers masked.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralsController {

    private final LocalCaseStore local;
    private final DeadLetters deadLetters;
    private final OutboxSource outboxSource;
    private final org.hotline.gateway.calllog.ReferralOutbox outbox;
    private final org.hotline.gateway.calllog.CallLog callLog;
    private final SecuritySettings security;

    ReferralsController(LocalCaseStore local, DeadLetters deadLetters, OutboxSource outboxSource,
                        org.hotline.gateway.calllog.ReferralOutbox outbox, org.hotline.gateway.calllog.CallLog callLog,
                        SecuritySettings security) {
        this.local = local;
        this.deadLetters = deadLetters;
        this.outboxSource = outboxSource;
        this.outbox = outbox;
        this.callLog = callLog;
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

    /**
     * An officer's referral: the person (by the call they came from, or a number the officer typed),
     * what is asked, and the consent they gave. {@code Idempotency-Key} makes a retried request
     * create it once.
     */
    record NewReferral(String callId, String kind, String team, String topic, String urgency, String language, String channel,
                       String contact, String callbackNumber, String safeToCallBack, Boolean shareWithOrganisations,
                       Boolean services, String notes) {}

    record Created(String id, boolean created) {}

    @org.springframework.web.bind.annotation.PostMapping
    org.springframework.http.ResponseEntity<Created> create(@org.springframework.web.bind.annotation.RequestBody NewReferral request,
            @org.springframework.web.bind.annotation.RequestHeader("Idempotency-Key") String key, Authentication authentication) {
        SignedInUser user = SignedInUser.of(authentication, security);
        if (user.officerId() == null && !user.supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "referrals are made by officers and supervisors");
        }
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 8 to 100 letters, digits or . _ : -");
        }
        String contact = request.contact();
        if (contact == null && request.callId() != null) {
            contact = callLog.recent(r -> r.id().equals(request.callId()), 1).stream().map(r -> r.contact()).findFirst().orElse(null);
        }
        try {
            var referral = new org.hotline.caseconnector.model.Referral(
                    (request.callId() == null ? "officer" : request.callId()) + ":" + key,
                    org.hotline.caseconnector.model.ReferralKind.valueOf(String.valueOf(request.kind()).toUpperCase().replace('-', '_')),
                    request.topic(), request.urgency() == null ? null
                            : org.hotline.caseconnector.model.Referral.Urgency.valueOf(request.urgency().toUpperCase()),
                    request.team(), request.language(), request.channel(), contact, request.callbackNumber(),
                    new org.hotline.caseconnector.model.Consent(request.safeToCallBack() == null ? null
                            : org.hotline.caseconnector.model.Consent.Answer.valueOf(request.safeToCallBack().toUpperCase()),
                            Boolean.TRUE.equals(request.shareWithOrganisations()), Boolean.TRUE.equals(request.services())),
                    request.notes() == null ? java.util.Map.of() : java.util.Map.of("notes", request.notes()),
                    null, null, null, user.officerId() != null ? user.officerId() : user.username(), java.time.Instant.now());
            boolean created = outbox.add(referral);
            return org.springframework.http.ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(new Created(referral.id(), created));
        } catch (IllegalArgumentException | org.hotline.caseconnector.model.Referral.InvalidReferralException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters(@RequestParam(defaultValue = "false") boolean all, Authentication authentication) {
        supervisorsOnly(authentication);
        return deadLetters.list(all, 500);
    }

    @PostMapping("/dead-letters/{id}/replay")
    DeadLetters.DeadLetter replay(@PathVariable long id, Authentication authentication) {
        supervisorsOnly(authentication);
        return deadLetters.replay(id, outboxSource)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id + " waiting for a replay"));
    }

    private void supervisorsOnly(Authentication authentication) {
        if (!SignedInUser.of(authentication, security).supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "referrals are for supervisors");
        }
    }
}
