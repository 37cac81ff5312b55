package org.hotline.caseconnector.store.primero;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.DeliveryException;
import org.hotline.caseconnector.store.JsonHttp;
import org.hotline.caseconnector.store.RecordingFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Primero v2 (REST, HTTP Basic with a dedicated API user). A referral finds the person's case by
 * phone number, or creates it with a client-chosen UUID (derived from the referral, so a retry asks
 * for the same one: 204 created, 409 already there, both fine), then refers it, unless the case
 * already carries this referral's marker: Primero has no idempotency key for referrals.
 */
public class PrimeroCaseStore implements CaseStore {

    private static final Logger log = LoggerFactory.getLogger(PrimeroCaseStore.class);

    private final JsonHttp http;
    private final JsonMapper json;
    private final String moduleId;
    private final Map<String, PrimeroMapper.Target> targets;
    private final RecordingFetcher recordings;

    public PrimeroCaseStore(URI url, String user, String password, Duration timeout, String moduleId,
                            Map<String, PrimeroMapper.Target> targetsByTeam, RecordingFetcher recordings, JsonMapper json) {
        this.http = new JsonHttp(url, user, password, timeout);
        this.json = json;
        this.moduleId = moduleId;
        this.targets = Map.copyOf(targetsByTeam);
        this.recordings = recordings;
    }

    @Override
    public String name() {
        return "primero";
    }

    @Override
    public String deliver(Referral referral) {
        PrimeroMapper.Target target = targets.get(referral.team());
        if (target == null) {
            throw new DeliveryException(DeliveryException.Kind.REJECT, "no Primero user or agency is configured for team " + referral.team());
        }
        String caseId = findOrCreateCase(referral);
        JsonHttp.Reply existing = http.get("/api/v2/cases/" + caseId + "/referrals");
        check(existing);
        if (existing.body().contains(PrimeroNotes.marker(referral.id()))) {
            return caseId;
        }
        if (referral.recordingUrl() != null) {
            attachVoicemail(caseId, referral);
        }
        var body = new PrimeroPayloads.Envelope<>(PrimeroMapper.INSTANCE.toReferral(referral, target));
        check(http.post("/api/v2/cases/" + caseId + "/referrals", json.writeValueAsString(body)));
        return caseId;
    }

    /** Before the referral, so a retry after a failed attachment posts the referral once, with its voicemail there. */
    private void attachVoicemail(String caseId, Referral referral) {
        String fileName = (referral.recordingRef() == null ? "voicemail" : referral.recordingRef()) + ".wav";
        JsonHttp.Reply attachments = http.get("/api/v2/cases/" + caseId + "/attachments");
        if (attachments.ok() && attachments.body().contains(fileName)) {
            return;
        }
        String audio = java.util.Base64.getEncoder().encodeToString(recordings.wav(referral.recordingUrl()));
        var attachment = new PrimeroPayloads.Attachment("recorded_audio", "audio", "audio/wav", fileName,
                "Voicemail left on the hotline " + PrimeroNotes.marker(referral.id()), audio, true);
        check(http.post("/api/v2/cases/" + caseId + "/attachments", json.writeValueAsString(new PrimeroPayloads.Envelope<>(attachment))));
    }

    private String findOrCreateCase(Referral referral) {
        if (referral.contact() != null) {
            JsonHttp.Reply found = http.get("/api/v2/cases?phone_number=" + URLEncoder.encode(referral.contact(), StandardCharsets.UTF_8));
            check(found);
            JsonNode data = json.readTree(found.body()).path("data");
            if (data.isArray() && !data.isEmpty() && data.get(0).hasNonNull("id")) {
                return data.get(0).get("id").asString();
            }
        }
        String caseId = UUID.nameUUIDFromBytes(("hotline-case:" + referral.id()).getBytes(StandardCharsets.UTF_8)).toString();
        JsonHttp.Reply created = http.post("/api/v2/cases",
                json.writeValueAsString(new PrimeroPayloads.Envelope<>(PrimeroMapper.INSTANCE.toCase(referral, caseId, moduleId))));
        if (created.status() != 409) {
            check(created);
        }
        return caseId;
    }

    /** Primero keeps no call records: the call log stays in the gateway for this adapter. */
    @Override
    public void deliver(CallSummary call) {
        log.debug("call record {} not sent: Primero keeps cases and referrals only", call.id());
    }

    private static void check(JsonHttp.Reply reply) {
        if (!reply.ok()) {
            throw DeliveryException.ofStatus(reply.status(), reply.body());
        }
    }
}
