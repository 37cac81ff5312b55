package org.hotline.gateway.voice.asterisk;

import java.util.List;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/asterisk/queues}: Asterisk's queues as AMI reports them, for supervisors. */
@RestController
@ConditionalOnBooleanProperty("hotline.asterisk.ami.enabled")
class AsteriskQueuesController {

    private final AsteriskQueuePicture picture;
    private final SecuritySettings security;

    AsteriskQueuesController(AsteriskQueuePicture picture, SecuritySettings security) {
        this.picture = picture;
        this.security = security;
    }

    @GetMapping("/api/v1/asterisk/queues")
    List<AsteriskQueuePicture.QueueView> queues(Authentication authentication) {
        if (!SignedInUser.of(authentication, security).supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the queue picture is for supervisors");
        }
        return picture.view();
    }
}
