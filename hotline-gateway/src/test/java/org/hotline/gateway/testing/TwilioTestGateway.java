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

    /** A fake Bulgarian mobile number of its own for each call, so no test's caller is "returning" in another. */
    public static String caller(String callSid) {
        return "+35988" + String.format("%07d", Math.floorMod(callSid.hashCode(), 10_000_000));
    }

    /** A voice webhook's parameters as Twilio posts them for an inbound call to the hotline, plus {@code more} (name, value, ...). */
    public static java.util.Map<String, String> callParams(String account, String callSid, String... more) {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("AccountSid", account);
        params.put("CallSid", callSid);
        params.put("From", caller(callSid));
        params.put("To", "+35929394777");
        params.put("CallStatus", "in-progress");
        params.put("Direction", "inbound");
        params.put("ApiVersion", "2010-04-01");
        params.put("FromCity", "");
        for (int i = 0; i < more.length; i += 2) {
            params.put(more[i], more[i + 1]);
        }
        return params;
    }
}
