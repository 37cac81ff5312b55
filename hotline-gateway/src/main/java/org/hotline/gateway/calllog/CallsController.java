package org.hotline.gateway.calllog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hotline.caseconnector.privacy.Masking;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
                    List<String> referralIds, List<String> path, String notes, List<InterpreterView> interpreters) {}

    record InterpreterView(String interpreter, String language, Instant joinedAt, long seconds) {}

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
                        r.outcome().wireName(), r.closing(), r.referralIds(), r.path(), r.notes(),
                        r.interpreters().stream().map(t -> new InterpreterView(t.interpreterId(), t.language(), t.joinedAt(),
                                t.time().toSeconds())).toList()))
                .toList();
    }

    /** One language's (or one interpreter's) interpreting: calls joined, time, and minutes as interpreters bill them. */
    record Interpreting(int calls, long seconds, long minutes) {
        static Interpreting sum(Interpreting a, Interpreting b) {
            return new Interpreting(a.calls + b.calls, a.seconds + b.seconds, a.minutes + b.minutes);
        }

        Interpreting plus(CallRecord.InterpreterTime time) {
            long secondsOn = time.time().toSeconds();
            // each join is billed in whole minutes, started minutes counted
            return new Interpreting(calls + 1, seconds + secondsOn, minutes + (secondsOn + 59) / 60);
        }
    }

    record InterpreterMinutes(Instant from, Instant to, Map<String, Interpreting> byLanguage, Map<String, Interpreting> byInterpreter) {}

    /**
     * {@code GET /api/v1/calls/interpreters?from=&to=}: the interpreters' time on calls that started in
     * the period, per language and per interpreter, for paying and counting them. Supervisors only.
     */
    @GetMapping("/interpreters")
    InterpreterMinutes interpreters(@RequestParam Instant from, @RequestParam Instant to, Authentication authentication) {
        if (!SignedInUser.of(authentication, security).supervises()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "interpreters' minutes are for supervisors");
        }
        if (!to.isAfter(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to must be after from");
        }
        Map<String, Interpreting> byLanguage = new TreeMap<>();
        Map<String, Interpreting> byInterpreter = new TreeMap<>();
        for (CallRecord record : callLog.since(from)) {
            if (record.startedAt().isBefore(from) || !record.startedAt().isBefore(to)) {
                continue;
            }
            for (CallRecord.InterpreterTime time : record.interpreters()) {
                byLanguage.merge(time.language(), new Interpreting(0, 0, 0).plus(time), Interpreting::sum);
                byInterpreter.merge(time.interpreterId(), new Interpreting(0, 0, 0).plus(time), Interpreting::sum);
            }
        }
        return new InterpreterMinutes(from, to, byLanguage, byInterpreter);
    }
}
