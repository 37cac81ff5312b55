package org.hotline.caseconnector.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hotline.caseconnector.Fixtures;
import org.hotline.caseconnector.store.primero.PrimeroCaseStore;
import org.hotline.caseconnector.store.primero.PrimeroMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The Primero v2 adapter's exact requests, and Primero's documented answers. */
class PrimeroCaseStoreTest {

    static final String BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString("hotline-api:pw".getBytes(StandardCharsets.UTF_8));
    final WireMockServer primero = new WireMockServer(options().dynamicPort());
    PrimeroCaseStore store;

    @BeforeEach
    void start() {
        primero.start();
        store = new PrimeroCaseStore(URI.create("http://localhost:" + primero.port()), "hotline-api", "pw", Duration.ofSeconds(2),
                "primeromodule-cp", Map.of("counter-trafficking", new PrimeroMapper.Target("primero_cp", null, "safehouse_service"),
                        "avrr", new PrimeroMapper.Target("avrr_partner_user", "Partner NGO", "return_assistance")),
                new RecordingFetcher("AC1", "twilio-token", Duration.ofSeconds(2)), JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        primero.stop();
    }

    private void noCaseForThePhone() {
        primero.stubFor(get(urlEqualTo("/api/v2/cases?phone_number=%2B359880000501")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[],\"metadata\":{\"total\":0}}")));
    }

    private String expectedCaseId(String referralId) {
        return UUID.nameUUIDFromBytes(("hotline-case:" + referralId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void shouldReferTheExistingCaseOfThePhoneNumber() {
        primero.stubFor(get(urlEqualTo("/api/v2/cases?phone_number=%2B359880000501")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":[{\"id\":\"b3222e84-a5d7-4692-a643-1ab3d41f17d6\"}]}")));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/b3222e84-a5d7-4692-a643-1ab3d41f17d6/referrals")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        primero.stubFor(post(urlEqualTo("/api/v2/cases/b3222e84-a5d7-4692-a643-1ab3d41f17d6/referrals")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"id\":\"r1\",\"status\":\"in_progress\"}}")));

        assertThat(store.deliver(Fixtures.callback("CA1:callback_referral"))).isEqualTo("b3222e84-a5d7-4692-a643-1ab3d41f17d6");

        primero.verify(getRequestedFor(urlPathEqualTo("/api/v2/cases")).withHeader("Authorization", equalTo(BASIC)));
        primero.verify(0, postRequestedFor(urlEqualTo("/api/v2/cases")));
        primero.verify(postRequestedFor(urlEqualTo("/api/v2/cases/b3222e84-a5d7-4692-a643-1ab3d41f17d6/referrals"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("""
                        {"data":{"transitioned_to":"primero_cp","service":"safehouse_service",
                         "notes":"callback from the hotline (voice, ar), urgency urgent, topic trafficking. Safe to call back: yes. [hotline:CA1:callback_referral]"}}""")));
    }

    @Test
    void shouldCreateTheCaseWithAClientChosenIdAndTheConsentGivenThenReferIt() {
        noCaseForThePhone();
        String caseId = expectedCaseId("CA2:callback_referral");
        primero.stubFor(post(urlEqualTo("/api/v2/cases")).willReturn(aResponse().withStatus(204)));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/" + caseId + "/referrals")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        primero.stubFor(post(urlEqualTo("/api/v2/cases/" + caseId + "/referrals")).willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(store.deliver(Fixtures.callback("CA2:callback_referral"))).isEqualTo(caseId);

        primero.verify(postRequestedFor(urlEqualTo("/api/v2/cases")).withRequestBody(equalToJson("""
                {"data":{"id":"%s","phone_number":"+359880000501","module_id":"primeromodule-cp",
                 "consent_for_services":false,"disclosure_other_orgs":false,"language":"ar"}}""".formatted(caseId))));
        assertThat(primero.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains("consent_overridden"));
    }

    @Test
    void shouldTakeAConflictOnCreateAsTheCaseFromAnEarlierTry() {
        noCaseForThePhone();
        String caseId = expectedCaseId("CA3:callback_referral");
        primero.stubFor(post(urlEqualTo("/api/v2/cases")).willReturn(aResponse().withStatus(409)));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/" + caseId + "/referrals")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        primero.stubFor(post(urlEqualTo("/api/v2/cases/" + caseId + "/referrals")).willReturn(aResponse().withStatus(200).withBody("{}")));
        assertThat(store.deliver(Fixtures.callback("CA3:callback_referral"))).isEqualTo(caseId);
    }

    @Test
    void shouldNotReferTwiceWhenTheCaseAlreadyCarriesTheReferral() {
        noCaseForThePhone();
        String caseId = expectedCaseId("CA4:callback_referral");
        primero.stubFor(post(urlEqualTo("/api/v2/cases")).willReturn(aResponse().withStatus(409)));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/" + caseId + "/referrals")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":[{\"id\":\"r9\",\"notes\":\"callback ... [hotline:CA4:callback_referral]\"}]}")));

        store.deliver(Fixtures.callback("CA4:callback_referral"));

        primero.verify(0, postRequestedFor(urlEqualTo("/api/v2/cases/" + caseId + "/referrals")));
    }

    @Test
    void shouldReferToAnOutsideAgencyAsARemoteReferralWithTheVoicemailAttached() {
        primero.stubFor(get(urlEqualTo("/api/v2/cases?phone_number=%2B359880000502")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":[{\"id\":\"c5\"}]}")));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/c5/attachments")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        primero.stubFor(post(urlEqualTo("/api/v2/cases/c5/attachments")).willReturn(aResponse().withStatus(200).withBody("{}")));
        // the recording, as Twilio serves it to the account
        primero.stubFor(get(urlEqualTo("/2010-04-01/Accounts/AC1/Recordings/RE00000000000000000000000000000009.wav"))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder().encodeToString("AC1:twilio-token".getBytes())))
                .willReturn(aResponse().withStatus(200).withBody(new byte[] {'R', 'I', 'F', 'F', 1, 2, 3})));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/c5/referrals")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        primero.stubFor(post(urlEqualTo("/api/v2/cases/c5/referrals")).willReturn(aResponse().withStatus(200).withBody("{}")));

        store.deliver(withRecordingAt(Fixtures.voicemail("CA5:voicemail_saved"),
                "http://localhost:" + primero.port() + "/2010-04-01/Accounts/AC1/Recordings/RE00000000000000000000000000000009"));

        primero.verify(postRequestedFor(urlEqualTo("/api/v2/cases/c5/attachments")).withRequestBody(equalToJson("""
                {"data":{"field_name":"recorded_audio","type":"audio","content_type":"audio/wav",
                 "file_name":"RE00000000000000000000000000000009.wav",
                 "description":"Voicemail left on the hotline [hotline:CA5:voicemail_saved]",
                 "attachment":"%s","is_current":true}}""".formatted(java.util.Base64.getEncoder().encodeToString(new byte[] {'R', 'I', 'F', 'F', 1, 2, 3})))));
        primero.verify(postRequestedFor(urlEqualTo("/api/v2/cases/c5/referrals")).withRequestBody(equalToJson("""
                {"data":{"remote":true,"transitioned_to_agency":"Partner NGO","transitioned_to_remote":"avrr_partner_user",
                 "service":"return_assistance",
                 "notes":"voicemail from the hotline (voice, ru), urgency normal, topic return. Safe to call back: unknown. Voicemail: RE00000000000000000000000000000009. [hotline:CA5:voicemail_saved]"}}""")));
    }

    private static org.hotline.caseconnector.model.Referral withRecordingAt(org.hotline.caseconnector.model.Referral r, String url) {
        return new org.hotline.caseconnector.model.Referral(r.id(), r.kind(), r.topic(), r.urgency(), r.team(), r.language(), r.channel(),
                r.contact(), r.callbackNumber(), r.consent(), r.answers(), r.recordingRef(), url, r.transcriptRef(), r.createdBy(), r.createdAt());
    }

    @Test
    void shouldWaitAndRetryWhenTheRecordingCannotBeFetchedYet() {
        primero.stubFor(get(urlEqualTo("/api/v2/cases?phone_number=%2B359880000502")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"c8\"}]}")));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/c8/referrals")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/c8/attachments")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        assertThatThrownBy(() -> store.deliver(withRecordingAt(Fixtures.voicemail("CA8:voicemail_saved"),
                "http://localhost:" + primero.port() + "/missing/RE1")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.RETRY));
        primero.verify(0, postRequestedFor(urlEqualTo("/api/v2/cases/c8/referrals")));
    }

    @ParameterizedTest(name = "referral answered {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "422|REJECT|{\"errors\":[{\"code\":422,\"message\":[\"transition.errors.consent\"],\"detail\":\"transitioned_to\"}]}",
            "403|REJECT|{\"errors\":[{\"code\":403,\"message\":\"Forbidden\"}]}",
            "503|RETRY|Service Unavailable",
            "429|RETRY|slow down"})
    void shouldClassifyPrimerosRefusals(int status, DeliveryException.Kind kind, String body) {
        primero.stubFor(get(urlEqualTo("/api/v2/cases?phone_number=%2B359880000501")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[{\"id\":\"c6\"}]}")));
        primero.stubFor(get(urlEqualTo("/api/v2/cases/c6/referrals")).willReturn(aResponse().withStatus(200).withBody("{\"data\":[]}")));
        primero.stubFor(post(urlEqualTo("/api/v2/cases/c6/referrals")).willReturn(aResponse().withStatus(status).withBody(body)));
        assertThatThrownBy(() -> store.deliver(Fixtures.callback("CA6:callback_referral")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).contains("HTTP " + status);
                });
    }

    @Test
    void shouldRefuseATeamWithoutAPrimeroTarget() {
        var referral = new org.hotline.caseconnector.model.Referral("CA7:info", org.hotline.caseconnector.model.ReferralKind.INFORMATION,
                null, null, "visa-centre", "en", "voice", "+359880000503", null, null, null, null, null, null, null, Fixtures.AT);
        assertThatThrownBy(() -> store.deliver(referral)).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.REJECT));
    }
}
