package org.hotline.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK's requests, sent to another base URL over real HTTP, and never sent twice by the HTTP client itself. */
class RebasingHttpClientTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TwilioRestClient client;

    @BeforeEach
    void start() {
        twilio.start();
        client = new TwilioRestClient.Builder(ACCOUNT, "secret-token")
                .httpClient(new RebasingHttpClient(URI.create(twilio.baseUrl() + "/"))).build();
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    @Test
    void shouldSendTheSdksRequestToTheConfiguredBaseUrlWithItsCredentialsAndParameters() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\":\"SM0001\",\"status\":\"queued\"}")));

        Message sent = Message.creator(new PhoneNumber("whatsapp:+359880000001"), new PhoneNumber("whatsapp:+359880000002"), "Здравейте")
                .create(client);

        assertThat(sent.getSid()).isEqualTo("SM0001");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT, "secret-token"))
                .withFormParam("To", equalTo("whatsapp:+359880000001"))
                .withFormParam("Body", equalTo("Здравейте")));
    }

    @Test
    void shouldNotSendAMessageAgainWhenTheConnectionBreaksBeforeTheAnswer() {
        // the message may have gone: the outbound queue decides what to do, the HTTP client must not resend it
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> Message.creator(new PhoneNumber("+359880000001"), new PhoneNumber("+359880000002"), "hello")
                .create(client)).isInstanceOf(ApiException.class);

        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }
}
