package org.hotline.gateway.voice.asterisk;

import java.util.Map;
import java.util.Optional;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/referrals/{id}/call-back}: the signed-in officer's phone rings, then the person's. */
@RestController
@ConditionalOnBooleanProperty("hotline.asterisk.ami.enabled")
class AsteriskCallbacksController {

    private final AsteriskCallbacks callbacks;
    private final HotlineDirectory directory;
    private final SecuritySettings security;

    AsteriskCallbacksController(AsteriskCallbacks callbacks, HotlineDirectory directory, SecuritySettings security) {
        this.callbacks = callbacks;
        this.directory = directory;
        this.security = security;
    }

    @PostMapping("/api/v1/referrals/{id}/call-back")
    ResponseEntity<Map<String, String>> callBack(@PathVariable String id, Authentication authentication) {
        SignedInUser user = SignedInUser.of(authentication, security);
        Optional<Officer> officer = user.officerId() == null ? Optional.empty() : directory.officer(user.officerId());
        return switch (callbacks.callBack(id, user, officer)) {
            case AsteriskCallbacks.Outcome.Placed placed ->
                    ResponseEntity.accepted().body(Map.of("referral", placed.referralId(), "officer", officer.orElseThrow().id()));
            case AsteriskCallbacks.Outcome.NotFound notFound -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no such referral"));
            case AsteriskCallbacks.Outcome.Forbidden forbidden -> ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", forbidden.reason()));
            case AsteriskCallbacks.Outcome.Refused refused -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", refused.reason()));
            case AsteriskCallbacks.Outcome.AsteriskUnavailable down ->
                    ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", down.reason()));
        };
    }
}
