package org.hotline.caseconnector.store.hrm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.model.ReferralKind;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.DeliveryException;
import org.hotline.caseconnector.store.JsonHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aselo's Helpline Records Management, internal API ({@code Basic <account key>}). Each call or
 * conversation is an HRM contact whose taskId is its id: HRM returns the existing contact when a
 * taskId repeats, which makes retries safe. A referral is "resource X given during contact Y"
 * (resource ids per team from configuration); a repeated one is refused as DuplicateReferralError,
 * which means it is there. A voicemail is attached to the contact as conversation media.
 */
public class HrmCaseStore implements CaseStore {

    private final JsonHttp http;
    private final JsonMapper json;
    private final String accountPath;
    private final String definitionVersion;
    private final String helpline;
    private final Map<String, String> resourceByTeam;

    public HrmCaseStore(URI url, String accountSid, String key, Duration timeout, String definitionVersion, String helpline,
                        Map<String, String> resourceByTeam, JsonMapper json) {
        this.http = new JsonHttp(url, "Basic " + key, timeout);
        this.json = json;
        this.accountPath = "/internal/v0/accounts/" + accountSid;
        this.definitionVersion = definitionVersion;
        this.helpline = helpline;
        this.resourceByTeam = Map.copyOf(resourceByTeam);
    }

    @Override
    public String name() {
        return "hrm";
    }

    @Override
    public String deliver(Referral referral) {
        String contactId = contact(HrmMapper.INSTANCE.contactFor(referral, definitionVersion, helpline));
        String resource = resourceByTeam.get(referral.team());
        if (resource != null && referral.kind() != ReferralKind.VOICEMAIL) {
            JsonHttp.Reply reply = http.post(accountPath + "/referrals", json.writeValueAsString(
                    new HrmPayloads.NewReferral(contactId, resource, referral.createdAt().toString(), referral.team())));
            boolean duplicate = reply.status() == 400 && reply.body() != null && reply.body().contains("DuplicateReferralError");
            if (!reply.ok() && !duplicate) {
                throw DeliveryException.ofStatus(reply.status(), reply.body());
            }
        }
        if (referral.recordingRef() != null) {
            check(http.post(accountPath + "/contacts/" + contactId + "/conversationMedia",
                    json.writeValueAsString(HrmPayloads.recording(referral.recordingRef(), referral.recordingUrl()))));
        }
        return contactId;
    }

    @Override
    public void deliver(CallSummary call) {
        contact(HrmMapper.INSTANCE.contactFor(call, definitionVersion, helpline));
    }

    private String contact(HrmPayloads.NewContact contact) {
        JsonHttp.Reply reply = http.post(accountPath + "/contacts", json.writeValueAsString(contact));
        check(reply);
        var id = json.readTree(reply.body()).path("id");
        if (id.isMissingNode() || id.isNull()) {
            throw new DeliveryException(DeliveryException.Kind.RETRY, "HRM answered without a contact id");
        }
        return id.asString();
    }

    private static void check(JsonHttp.Reply reply) {
        if (!reply.ok()) {
            throw DeliveryException.ofStatus(reply.status(), reply.body());
        }
    }
}
