package org.hotline.caseconnector.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hotline.caseconnector.Fixtures;
import org.hotline.caseconnector.store.hrm.HrmCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Aselo HRM adapter's exact requests on the internal API, and HRM's documented answers. */
class HrmCaseStoreTest {

    static final String ACCOUNT = "ACd8a2e89748318adf6ddff7df6948deaf";
    static final String CONTACTS = "/internal/v0/accounts/" + ACCOUNT + "/contacts";
    final WireMockServer hrm = new WireMockServer(options().dynamicPort());
    HrmCaseStore store;

    @BeforeEach
    void start() {
        hrm.start();
        store = new HrmCaseStore(URI.create("http://localhost:" + hrm.port()), ACCOUNT, "static-key", Duration.ofSeconds(2), "bg-v1",
                "Counter-trafficking hotline", Map.of("counter-trafficking", "res-ct-shelter"), JsonMapper.builder().build());
        hrm.stubFor(post(urlEqualTo(CONTACTS)).willReturn(aResponse().withStatus(200).withBody("{\"id\":\"4242\",\"taskId\":\"CA1\"}")));
    }

    @AfterEach
    void stop() {
        hrm.stop();
    }

    @Test
    void shouldCreateTheContactOfTheCallThenTheReferral() {
        hrm.stubFor(post(urlEqualTo("/internal/v0/accounts/" + ACCOUNT + "/referrals")).willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(store.deliver(Fixtures.callback("CA1:callback_referral"))).isEqualTo("4242");

        hrm.verify(postRequestedFor(urlEqualTo(CONTACTS)).withHeader("Authorization", equalTo("Basic static-key"))
                .withRequestBody(equalToJson("""
                        {"definitionVersion":"bg-v1","taskId":"CA1","channel":"voice","number":"+359880000501","createdBy":"flow",
                         "timeOfContact":"2026-12-01T08:15:00Z","helpline":"Counter-trafficking hotline","conversationDuration":0,
                         "rawJson":{"definitionVersion":"bg-v1","callType":"","childInformation":{},"callerInformation":{},
                           "caseInformation":{"callSummary":"callback, urgency urgent, topic trafficking, safe to call back yes"},
                           "categories":{},"hangUpBy":"Customer"}}""")));
        hrm.verify(postRequestedFor(urlEqualTo("/internal/v0/accounts/" + ACCOUNT + "/referrals")).withRequestBody(equalToJson("""
                {"contactId":"4242","resourceId":"res-ct-shelter","referredAt":"2026-12-01T08:15:00Z","resourceName":"counter-trafficking"}""")));
    }

    @Test
    void shouldTakeADuplicateReferralAsAlreadyThere() {
        hrm.stubFor(post(urlEqualTo("/internal/v0/accounts/" + ACCOUNT + "/referrals")).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"DuplicateReferralError: referral already exists\"}")));
        assertThat(store.deliver(Fixtures.callback("CA1:callback_referral"))).isEqualTo("4242");
    }

    @Test
    void shouldAttachAVoicemailToTheContact() {
        hrm.stubFor(post(urlEqualTo(CONTACTS + "/4242/conversationMedia")).willReturn(aResponse().withStatus(200).withBody("[]")));
        store.deliver(Fixtures.voicemail("CA1:voicemail_saved"));
        hrm.verify(postRequestedFor(urlEqualTo(CONTACTS + "/4242/conversationMedia")).withRequestBody(equalToJson("""
                [{"storeType":"twilio","storeTypeSpecificData":{"type":"recording","recordingSid":"RE00000000000000000000000000000009",
                  "url":"https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE00000000000000000000000000000009"}}]""")));
    }

    @Test
    void shouldSendACallRecordAsAContactWhoseTaskIdIsTheCall() {
        store.deliver(Fixtures.call("CA9"));
        hrm.verify(postRequestedFor(urlEqualTo(CONTACTS)).withRequestBody(equalToJson("""
                {"taskId":"CA9","channel":"voice","createdBy":"visa-desk","conversationDuration":95}""", true, true)));
    }

    @Test
    void shouldRetryOnServerErrorsAndRejectBadCredentials() {
        hrm.stubFor(post(urlEqualTo(CONTACTS)).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> store.deliver(Fixtures.call("CA9"))).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.RETRY));
        hrm.stubFor(post(urlEqualTo(CONTACTS)).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));
        assertThatThrownBy(() -> store.deliver(Fixtures.call("CA9"))).isInstanceOfSatisfying(DeliveryException.class,
                e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.REJECT));
    }
}
