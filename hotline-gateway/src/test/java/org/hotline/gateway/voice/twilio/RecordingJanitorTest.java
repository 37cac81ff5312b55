package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.RebasingHttpClient;
import org.hotline.gateway.twilio.TwilioSettings;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.util.Map;
import org.hotline.gateway.calllog.ReferralDelivered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recordings are deleted from Twilio (here WireMock, through the rebasing client) only when configured. */
class RecordingJanitorTest {

    static final String ACCOUNT = "AC00000000000000000000000000000001";
    static final String RECORDING = "RE00000000000000000000000000000007";
    WireMockServer api = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        api.start();
        api.stubFor(delete(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING + ".json"))
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private RecordingJanitor janitor(boolean delete) {
        var settings = new TwilioSettings(ACCOUNT, "token", URI.create("http://localhost:" + api.port()), "+35929394777", null, Map.of(), delete);
        var client = new TwilioRestClient.Builder(ACCOUNT, "token").httpClient(new RebasingHttpClient(settings.apiBaseUrl())).build();
        return new RecordingJanitor(client, settings);
    }

    @Test
    void shouldDeleteTheRecordingWhenConfiguredAndDelivered() {
        janitor(true).on(new ReferralDelivered("CA1:voicemail_saved", RECORDING));
        api.verify(1, deleteRequestedFor(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING + ".json")));
        assertThat(api.getAllServeEvents().getFirst().getRequest().getHeader("Authorization")).startsWith("Basic ");
    }

    @Test
    void shouldKeepTheRecordingWhenNotConfiguredOrNoRecording() {
        janitor(false).on(new ReferralDelivered("CA1:voicemail_saved", RECORDING));
        janitor(true).on(new ReferralDelivered("CA1:callback_referral", null));
        assertThat(api.getAllServeEvents()).isEmpty();
    }
}
