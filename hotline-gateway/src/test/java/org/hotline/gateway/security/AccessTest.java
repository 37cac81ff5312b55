package org.hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Anonymous and wrong-role requests to the API are refused; webhooks and health are not behind sign-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTest {

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder(4).encode("s3cret-test");
        registry.add("hotline.state.data-dir", () -> dataDir.toString());
        registry.add("hotline.security.users[0].username", () -> "olga");
        registry.add("hotline.security.users[0].password-hash", () -> hash);
        registry.add("hotline.security.users[0].roles", () -> "officer");
        registry.add("hotline.security.users[0].officer", () -> "elena");
        registry.add("hotline.security.users[1].username", () -> "root");
        registry.add("hotline.security.users[1].password-hash", () -> hash);
        registry.add("hotline.security.users[1].roles", () -> "admin");
    }

    @Test
    void shouldRefuseApiWhenAnonymous() throws Exception {
        assertThat(get("/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/system", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseApiWhenPasswordIsWrong() throws Exception {
        assertThat(get("/api/v1/me", "olga:wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerSignedInUserWithTheirRoles() throws Exception {
        var response = get("/api/v1/me", "olga:s3cret-test");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"olga\"", "\"officer\"");
    }

    @Test
    void shouldRefuseAdminApiWhenRoleIsOfficer() throws Exception {
        assertThat(get("/api/v1/system", "olga:s3cret-test").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", "olga:s3cret-test").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerAdminApiWhenRoleIsAdmin() throws Exception {
        var response = get("/api/v1/system", "root:s3cret-test");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"store\":\"memory\"", "counter-trafficking");
    }

    @Test
    void shouldRedirectConsoleToSignInWhenAnonymous() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void shouldNotAskWebhooksToSignIn() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/twilio/voice"))
                .POST(HttpRequest.BodyPublishers.ofString("CallSid=CA1")).header("Content-Type", "application/x-www-form-urlencoded")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isNotIn(401, 403, 302);
    }

    @Test
    void shouldAnswerHealthAndMetricsWithoutSignIn() throws Exception {
        var health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"store\":\"memory\"");
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
