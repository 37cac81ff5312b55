package org.hotline.gateway.voice.asterisk;

import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.security.Masking;
import org.hotline.gateway.state.StreamStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An officer calls a person back, through Asterisk: Originate rings the officer's phone first and,
 * when they pick up, the dialplan's callback context dials the person. Only a callback request whose
 * caller said it is safe to call back is ever dialled.
 */
public class AsteriskCallbacks {

    private static final Logger log = LoggerFactory.getLogger(AsteriskCallbacks.class);
    private static final int OUTBOX_SEARCH = 20_000;

    public sealed interface Outcome {
        record Placed(String referralId) implements Outcome {}

        record NotFound() implements Outcome {}

        /** Not dialled, and why: said to the officer as it is. */
        record Refused(String reason) implements Outcome {}

        record AsteriskUnavailable(String reason) implements Outcome {}
    }

    private final ManagerConnection connection;
    private final LocalCaseStore referrals;
    private final StreamStore streams;
    private final JsonMapper json;
    private final AsteriskSettings settings;

    public AsteriskCallbacks(ManagerConnection connection, LocalCaseStore referrals, StreamStore streams, JsonMapper json,
                             AsteriskSettings settings) {
        this.connection = connection;
        this.referrals = referrals;
        this.streams = streams;
        this.json = json;
        this.settings = settings;
    }

    /**
     * In the local case store, else in the outbox, which keeps a referral (encrypted) until the case
     * store has it and for the retention period after: so a remote case store's callbacks work too.
     */
    private Optional<Request> find(String id) {
        var local = referrals.find(id);
        if (local.isPresent()) {
            var r = local.get();
            return Optional.of(new Request(r.id(), r.kind(), r.safeToCallBack(), r.callbackNumber()));
        }
        return streams.recent("outbox", OUTBOX_SEARCH).stream().filter(e -> e.type().equals("referral"))
                .map(e -> json.readTree(e.payload()))
                .filter(node -> id.equals(node.path("id").asString(null)))
                .findFirst()
                .map(node -> new Request(id, node.path("kind").asString(null), node.path("consent").path("safeToCallBack").asString(null),
                        node.path("callbackNumber").asString(null)));
    }

    /** What a callback needs of a referral, wherever it is kept. */
    private record Request(String id, String kind, String safeToCallBack, String callbackNumber) {}

    public Outcome callBack(String referralId, Officer officer) {
        Optional<Request> found = find(referralId);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        var referral = found.get();
        if (!"CALLBACK".equals(referral.kind())) {
            return new Outcome.Refused("this referral is not a callback request");
        }
        if (!"YES".equals(referral.safeToCallBack())) {
            return new Outcome.Refused("the caller did not say it is safe to call back");
        }
        if (referral.callbackNumber() == null || referral.callbackNumber().isBlank()) {
            return new Outcome.Refused("the referral has no number to call");
        }
        String endpoint = officer.reach().sip();
        if (endpoint == null || endpoint.isBlank()) {
            return new Outcome.Refused("officer " + officer.id() + " has no SIP endpoint (reach.sip) to ring first");
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
        originate.setVariables(Map.of("HOTLINE_REFERRAL", referral.id(), "HOTLINE_CALLBACK_NUMBER", referral.callbackNumber(),
                "HOTLINE_OFFICER", officer.id()));
        try {
            ManagerResponse response = connection.sendAction(originate, 10_000);
            if (response instanceof ManagerError error) {
                return new Outcome.AsteriskUnavailable("Asterisk refused the call: " + error.getMessage());
            }
        } catch (Exception e) {
            return new Outcome.AsteriskUnavailable("Asterisk did not answer: " + e.getMessage());
        }
        log.info("callback {} to {} placed for officer {}", referral.id(), Masking.phone(referral.callbackNumber()), officer.id());
        return new Outcome.Placed(referral.id());
    }
}
