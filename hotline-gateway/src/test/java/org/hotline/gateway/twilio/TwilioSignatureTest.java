package org.hotline.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.gateway.testing.TwilioSigner;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The signature check on Twilio's own documented example, and its refusals. */
class TwilioSignatureTest {

    // from Twilio's RequestValidator documentation and tests
    static final String TOKEN = "12345";
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final Map<String, String> PARAMS = new LinkedHashMap<>(Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212"));

    @Test
    void shouldSignAsTwilioDocumentsIt() {
        assertThat(TwilioSigner.sign(TOKEN, URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void shouldCheckAsTwilioSignsWithTheUrlAsGivenOrWithItsPort() {
        var signatures = new TwilioSignatures(TOKEN);
        assertThat(signatures.sign(URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(signatures.matches(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        // Twilio may sign the URL with its port: the SDK's rule accepts either spelling
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        assertThat(signatures.matches(withPort, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(signatures.matches(URL, PARAMS, TwilioSigner.sign(TOKEN, withPort, PARAMS))).isTrue();
        Map<String, String> changed = new LinkedHashMap<>(PARAMS);
        changed.put("Digits", "1235");
        assertThat(signatures.matches(URL, changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(signatures.matches(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8")).isFalse();
    }

    @Test
    void shouldPassASignedRequestWithAQueryStringToTheController() throws Exception {
        var filter = filter(TOKEN);
        String url = "https://mycompany.com/webhooks/twilio/myapp.php?foo=1&bar=2";
        var request = post("/myapp.php", "foo=1&bar=2", PARAMS, TwilioSigner.sign(TOKEN, url, PARAMS));
        AtomicReference<Object> form = new AtomicReference<>();
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> form.set(req.getAttribute(TwilioSignatureFilter.FORM)));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(form.get()).isEqualTo(PARAMS);
    }

    @Test
    void shouldRefuseAForgedOrMissingSignature() throws Exception {
        var registry = new SimpleMeterRegistry();
        var filter = new TwilioSignatureFilter(settings(TOKEN), "https://mycompany.com", registry);
        String signed = TwilioSigner.sign(TOKEN, "https://mycompany.com/webhooks/twilio/myapp.php?foo=1&bar=2", PARAMS);
        for (String signature : new String[] {signed, null, ""}) {
            Map<String, String> changed = new LinkedHashMap<>(PARAMS);
            changed.put("Digits", "9999");
            var response = new MockHttpServletResponse();
            filter.doFilter(post("/myapp.php", "foo=1&bar=2", changed, signature), response,
                    (req, res) -> { throw new AssertionError("a forged request reached the controller"); });
            assertThat(response.getStatus()).isEqualTo(403);
        }
        assertThat(registry.counter("hotline.webhooks.rejected", "provider", "twilio", "reason", "bad_signature").count()).isEqualTo(1);
        assertThat(registry.counter("hotline.webhooks.rejected", "provider", "twilio", "reason", "unsigned").count()).isEqualTo(2);
    }

    @Test
    void shouldAnswer503WhenNoAuthTokenIsConfigured() throws Exception {
        var response = new MockHttpServletResponse();
        filter(null).doFilter(post("/myapp.php", "", PARAMS, "x"), response, (req, res) -> { throw new AssertionError(); });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("TWILIO_AUTH_TOKEN is not set");
    }

    private static TwilioSignatureFilter filter(String token) {
        return new TwilioSignatureFilter(settings(token), "https://mycompany.com", new SimpleMeterRegistry());
    }

    static TwilioSettings settings(String token) {
        return new TwilioSettings("ACtest", token, java.net.URI.create("https://api.twilio.com"), "+35929394777", null, Map.of(), false);
    }

    private static MockHttpServletRequest post(String path, String query, Map<String, String> params, String signature) {
        var request = new MockHttpServletRequest("POST", "/webhooks/twilio" + path);
        request.setRequestURI("/webhooks/twilio" + path);
        // the container sets the decoded path the dispatcher routes on; the filter decides on it
        request.setServletPath("/webhooks/twilio" + path);
        request.setQueryString(query.isEmpty() ? null : query);
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(TwilioSigner.form(params).getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.addHeader("X-Twilio-Signature", signature);
        }
        return request;
    }
}
