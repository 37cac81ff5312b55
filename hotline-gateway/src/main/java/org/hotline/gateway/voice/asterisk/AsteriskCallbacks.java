package org.hotline.gateway.voice.asterisk;

import java.util.Map;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.gateway.config.HotlineConfig.Officer;
import org.hotline.gateway.security.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An officer calls a person back, through Asterisk: Originate rings the officer's phone first and,
 * when they pick up, the dialplan's callback context dials the person. Only a callback request whose
 * caller said it is safe to call back is ever dialled.
 */
public class AsteriskCallbacks {

    private static final Logger log = LoggerFactory.getLogger(AsteriskCallbacks.class);

    public sealed interface Outcome {
        record Placed(String referralId) implements Outcome {}

        record NotFound() implements Outcome {}

        /** Not dialled, and why: said to the officer as it is. */
        record Refused(String reason) implements Outcome {}

        record AsteriskUnavailable(String reason) implements Outcome {}
    }

    private final ManagerConnection connection;
    private final LocalCaseStore referrals;
    private final AsteriskSettings settings;

    public AsteriskCallbacks(ManagerConnection connection, LocalCaseStore referrals, AsteriskSettings settings) {
        this.connection = connection;
        this.referrals = referrals;
        this.settings = settings;
    }

    public Outcome callBack(String referralId, Officer officer) {
        var found = referrals.find(referralId);
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
