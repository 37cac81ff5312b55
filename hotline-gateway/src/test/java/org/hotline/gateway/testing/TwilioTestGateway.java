package org.hotline.gateway.testing;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a test of Twilio's webhooks sets on the gateway: its data in the test's folder, routing ticks
 * left to the test, the public address Twilio signs against, and the Twilio account (its REST API
 * at {@code apiBaseUrl}, asked for when the context starts, after the test's WireMock is up).
 */
public final class TwilioTestGateway {

    public static final String PUBLIC = "https://hotline.example.org";

    private TwilioTestGateway() {}

    public static void register(DynamicPropertyRegistry registry, Path dataDir, String token, String account, Supplier<Object> apiBaseUrl) {
        registry.add("hotline.state.data-dir", dataDir::toString);
        registry.add("hotline.routing.tick", () -> "1h");
        registry.add("hotline.public-base-url", () -> PUBLIC);
        registry.add("hotline.twilio.auth-token", () -> token);
        registry.add("hotline.twilio.account-sid", () -> account);
        registry.add("hotline.twilio.api-base-url", apiBaseUrl);
    }
}
