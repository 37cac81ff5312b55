package org.hotline.gateway.calllog;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.hotline.caseconnector.privacy.Masking;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The call log: supervisors see every call, officers the ones they handled. Numbers are masked. */
@RestController
@RequestMapping("/api/v1/calls")
class CallsController {

    private final CallLog callLog;
    private final SecuritySettings security;

    CallsController(CallLog callLog, SecuritySettings security) {
        this.callLog = callLog;
        this.security = security;
    }

    record CallView(String id, String channel, String contact, String language, String topic, String team, Instant startedAt,
                    Instant endedAt, long queueWaitSeconds, String officer, long talkTimeSeconds, String outcome, String closing,
                    List<String> referralIds, List<String> path, String notes) {}

    /**
     * {@code outcome}: how it ended (answered, abandoned_in_queue, voicemail…); {@code closing}: what the
     * officer recorded (resolved, referred…); {@code channel}: a channel (whatsapp) or a kind (voice, chat).
     */

    @GetMapping
    List<CallView> calls(@RequestParam(required = false) String outcome, @RequestParam(required = false) String closing,
                         @RequestParam(required = false) String channel,
                         @RequestParam(required = false) String team, @RequestParam(required = false) String language,
                         @RequestParam(required = false) Instant since, @RequestParam(defaultValue = "100") int limit,
                         Authentication authentication) {
        SignedInUser user = SignedInUser.of(authentication, security);
        Predicate<CallRecord> filter = r -> user.supervises() || user.is(r.officerId());
        if (outcome != null) {
            filter = filter.and(r -> r.outcome().wireName().equals(outcome));
        }
        if (closing != null) {
            filter = filter.and(r -> closing.equals(r.closing()));
        }
        if (channel != null) {
            filter = filter.and(r -> r.channel().wireName().equalsIgnoreCase(channel) || r.channel().kind().name().equalsIgnoreCase(channel));
        }
        if (team != null) {
            filter = filter.and(r -> team.equals(r.team()));
        }
        if (language != null) {
            filter = filter.and(r -> language.equals(r.language()));
        }
        if (since != null) {
            filter = filter.and(r -> !r.startedAt().isBefore(since));
        }
        return callLog.recent(filter, Math.max(1, Math.min(limit, 1000))).stream()
                .map(r -> new CallView(r.id(), r.channel().wireName(), Masking.phone(r.contact()), r.language(), r.topic(),
                        r.team(), r.startedAt(), r.endedAt(), r.queueWait().toSeconds(), r.officerId(), r.talkTime().toSeconds(),
                        r.outcome().wireName(), r.closing(), r.referralIds(), r.path(), r.notes()))
                .toList();
    }
}
