package org.hotline.gateway.voice.asterisk;

import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.caseconnector.model.Consent;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.caseconnector.privacy.Masking;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.audit.AuditTrail;
import org.hotline.gateway.calllog.CallLog;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.phone.PhoneNumbers;
import org.hotline.gateway.security.SignedInUser;
import org.hotline.gateway.state.StreamStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An officer calls a person back, through Asterisk: Originate rings the officer's phone first and,
 * when they pick up, the dialplan's callback context dials the person. Only a callback request whose
 * person said yes to a safe callback (their own answer, or an officer's record of it with a note) is
 * ever dialled, and only by an officer of the referral's team or a supervisor. Every attempt, placed
 * or refused, is in the audit trail.
 */
public class AsteriskCallbacks {

    private static final Logger log = LoggerFactory.getLogger(AsteriskCallbacks.class);
    private static final int OUTBOX_SEARCH = 20_000;

    public sealed interface Outcome {
        record Placed(String referralId) implements Outcome {}

        record NotFound() implements Outcome {}

        /** Not allowed for this user. */
        record Forbidden(String reason) implements Outcome {}

        /** Not dialled, and why: said to the officer as it is. */
        record Refused(String reason) implements Outcome {}

        record AsteriskUnavailable(String reason) implements Outcome {}
    }

    private final ManagerConnection connection;
    private final LocalCaseStore referrals;
    private final StreamStore streams;
    private final JsonMapper json;
    private final AsteriskSettings settings;
    private final AuditTrail audit;

    public AsteriskCallbacks(ManagerConnection connection, LocalCaseStore referrals, StreamStore streams, JsonMapper json,
                             AsteriskSettings settings, AuditTrail audit) {
        this.connection = connection;
        this.referrals = referrals;
        this.streams = streams;
        this.json = json;
        this.settings = settings;
        this.audit = audit;
    }

    /** What a callback needs of a referral, wherever it is kept. */
    private record Request(String id, String kind, String team, String safeToCallBack, String consentSource, String callbackNumber) {}

    /**
     * In the local case store, else in the outbox, which keeps a referral (encrypted) until the case
     * store has it and for the retention period after: so a remote case store's callbacks work too.
     */
    private Optional<Request> find(String id) {
        var local = referrals.find(id);
        if (local.isPresent()) {
            var r = local.get();
            return Optional.of(new Request(r.id(), r.kind(), r.team(), r.safeToCallBack(), r.consentSource(), r.callbackNumber()));
        }
        return streams.recent(CallLog.OUTBOX_STREAM, OUTBOX_SEARCH).stream().filter(e -> e.type().equals("referral"))
                .map(e -> json.readValue(e.payload(), Referral.class))
                .filter(r -> id.equals(r.id()))
                .findFirst()
                .map(r -> new Request(r.id(), r.kind().name(), r.team(), r.consent().safeToCallBack().name(),
                        r.consent().source() == null ? null : r.consent().source().kind().name(), r.callbackNumber()));
    }

    /** {@code officer}: the user's own officer record (whose phone rings first), if they have one. */
    public Outcome callBack(String referralId, SignedInUser user, Optional<Officer> officer) {
        Outcome outcome = decideAndPlace(referralId, user, officer);
        String[] result = switch (outcome) {
            case Outcome.Placed placed -> new String[] {"placed", "the officer's phone rings first"};
            case Outcome.NotFound notFound -> new String[] {"not-found", "no such referral"};
            case Outcome.Forbidden forbidden -> new String[] {"forbidden", forbidden.reason()};
            case Outcome.Refused refused -> new String[] {"refused", refused.reason()};
            case Outcome.AsteriskUnavailable down -> new String[] {"failed", down.reason()};
        };
        audit.record(user.username(), "callback", referralId, result[0], officer.map(o -> "officer " + o.id() + ": ").orElse("") + result[1]);
        return outcome;
    }

    private Outcome decideAndPlace(String referralId, SignedInUser user, Optional<Officer> officer) {
        if (officer.isEmpty()) {
            return new Outcome.Forbidden("only an officer with a phone can call back: their phone rings first");
        }
        Optional<Request> found = find(referralId);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        var referral = found.get();
        if (!user.supervises() && (referral.team() == null || !officer.get().teams().contains(referral.team()))) {
            return new Outcome.Forbidden("callbacks of the " + referral.team() + " team are placed by its officers or a supervisor");
        }
        if (!ReferralKind.CALLBACK.name().equals(referral.kind())) {
            return new Outcome.Refused("this referral is not a callback request");
        }
        if (!Consent.Answer.YES.name().equals(referral.safeToCallBack()) || referral.consentSource() == null) {
            return new Outcome.Refused("the person did not say it is safe to call back");
        }
        if (!PhoneNumbers.isValidE164(referral.callbackNumber())) {
            return new Outcome.Refused("the referral has no valid number to call");
        }
        String endpoint = officer.get().reach().sip();
        if (endpoint == null || endpoint.isBlank()) {
            return new Outcome.Refused("officer " + officer.get().id() + " has no SIP endpoint (reach.sip) to ring first");
        }
        if (connection.getState() != ManagerConnectionState.CONNECTED) {
            return new Outcome.AsteriskUnavailable("not connected to Asterisk's AMI");
        }
        var originate = new OriginateAction();
        originate.setChannel(endpoint);
        originate.setContext(settings.ami().callbackContext());
        originate.setExten("s");
        originate.setPriority(1);
        originate.setTimeout(30_000L);
        originate.setAsync(true);
        originate.setCallerId("Hotline callback");
        originate.setVariables(Map.of("HOTLINE_REFERRAL", referral.id(), "HOTLINE_CALLBACK_DIAL", settings.dialString(referral.callbackNumber()),
                "HOTLINE_OFFICER", officer.get().id()));
        try {
            ManagerResponse response = connection.sendAction(DialplanValues.checked(originate), 10_000);
            if (response instanceof ManagerError error) {
                return new Outcome.AsteriskUnavailable("Asterisk refused the call: " + error.getMessage());
            }
        } catch (DialplanValues.UnsafeValueException e) {
            return new Outcome.Refused(e.getMessage());
        } catch (Exception e) {
            return new Outcome.AsteriskUnavailable("Asterisk did not answer: " + e.getMessage());
        }
        log.info("callback {} to {} placed for officer {}", referral.id(), Masking.phone(referral.callbackNumber()), officer.get().id());
        return new Outcome.Placed(referral.id());
    }
}
