package org.hotline.gateway.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hotline.caseconnector.delivery.DeadLetters;
import org.hotline.caseconnector.privacy.Masking;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Referrals: officers make them (to any case store); supervisors list the local store's, and the
 * dead letters of any store, and replay those (audited). Numbers masked.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralsController {

    private final LocalCaseStore local;
    private final DeadLetters deadLetters;
    private final DeadLetterReplays replays;
    private final ReferralOutbox outbox;
    private final CallLog callLog;
    private final OfficerReferrals referrals;
    private final SecuritySettings security;
    private final Clock clock;

    ReferralsController(LocalCaseStore local, DeadLetters deadLetters, DeadLetterReplays replays, ReferralOutbox outbox, CallLog callLog,
                        OfficerReferrals referrals, SecuritySettings security, Clock clock) {
        this.local = local;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.outbox = outbox;
        this.callLog = callLog;
        this.referrals = referrals;
        this.security = security;
        this.clock = clock;
    }

    /** {@code consentSource}: whose answer {@code safeToCallBack} is, {@code caller} (at {@code consentStep}) or {@code officer}. */
    record ReferralView(String id, String kind, String topic, String urgency, String team, String language, String channel,
                        String contact, String callbackNumber, String safeToCallBack, String consentSource, String consentStep,
                        String consentOfficer, Instant consentAt, String recordingRef, String createdBy, Instant createdAt,
                        String status) {}

    @GetMapping
    List<ReferralView> referrals(@RequestParam(defaultValue = "100") int limit, Authentication authentication) {
        supervisorsOnly(authentication);
        return local.recent(Math.max(1, Math.min(limit, 1000))).stream()
                .map(r -> new ReferralView(r.id(), r.kind().toLowerCase(), r.topic(), r.urgency().toLowerCase(), r.team(), r.language(),
                        r.channel(), Masking.phone(r.contact()), r.callbackNumber() == null ? null : Masking.phone(r.callbackNumber()),
                        r.safeToCallBack().toLowerCase(), r.consentSource() == null ? null : r.consentSource().toLowerCase(),
                        r.consentStep(), r.consentOfficer(), r.consentAt(), r.recordingRef(), r.createdBy(), r.createdAt(), r.status()))
                .toList();
    }

    /**
     * An officer's referral: the person (by the call they came from, or a number the officer typed),
     * what is asked, and the consent they gave, recorded as the officer's (with a note of how it was
     * asked). {@code Idempotency-Key} makes a retried request create it once.
     */
    record NewReferral(String callId, String kind, String team, String organisation, String topic, String urgency, String language, String channel,
                       String contact, String callbackNumber, String safeToCallBack, String consentNote,
                       Boolean shareWithOrganisations, Boolean services, String notes) {}

    record Created(String id, boolean created) {}

    @PostMapping
    ResponseEntity<Created> create(@RequestBody NewReferral request, @RequestHeader("Idempotency-Key") String key,
                                   Authentication authentication) {
        SignedInUser user = SignedInUser.of(authentication, security);
        if (user.officerId() == null && !user.supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "referrals are made by officers and supervisors");
        }
        IdempotencyKeys.check(key);
        if (request.callId() != null && !request.callId().matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "callId: not a call id");
        }
        String contact = request.callId() == null ? null
                : callLog.recent(r -> r.id().equals(request.callId()), 1).stream().map(r -> r.contact()).findFirst().orElse(null);
        try {
            var referral = referrals.build((request.callId() == null ? "officer" : request.callId()) + ":" + key,
                    new OfficerReferrals.Request(request.kind(), request.team(), request.organisation(), request.topic(), request.urgency(), request.language(),
                            request.channel(), request.contact(), request.callbackNumber(), request.safeToCallBack(),
                            request.consentNote(), request.shareWithOrganisations(), request.services(), request.notes()),
                    OfficerReferrals.Person.unknown(contact), user.officerId() != null ? user.officerId() : user.username(), clock.instant());
            boolean created = outbox.add(referral);
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(new Created(referral.id(), created));
        } catch (OfficerReferrals.InvalidRequestException e) {
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
        return replays.replay(authentication.getName(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id + " waiting for a replay"));
    }

    private void supervisorsOnly(Authentication authentication) {
        if (!SignedInUser.of(authentication, security).supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "referrals are for supervisors");
        }
    }
}
