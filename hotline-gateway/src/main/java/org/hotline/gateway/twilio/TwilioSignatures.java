package org.hotline.gateway.twilio;

import com.twilio.security.RequestValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature: Base64 of HMAC-SHA1, keyed with the auth token, over the URL Twilio
 * called followed by each POST parameter's name and value in name order. The URL as configured is
 * checked with a reused {@link Mac} (the SDK's validator looks one up and parses the URL twice per
 * request); only when that fails does the SDK's {@link RequestValidator} try the URL with and
 * without its port, as Twilio may have signed either.
 *
 * @see <a href="https://www.twilio.com/docs/usage/webhooks/webhooks-security">Twilio webhook security</a>
 */
final class TwilioSignatures {

    private final SecretKeySpec key;
    private final RequestValidator portVariants;
    /** A pool, not thread-locals: requests run on virtual threads, each new. */
    private final BlockingQueue<Mac> macs = new ArrayBlockingQueue<>(64);

    TwilioSignatures(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
        this.portVariants = new RequestValidator(authToken);
    }

    boolean matches(String url, Map<String, String> form, String signature) {
        byte[] expected = sign(url, form).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
                || portVariants.validate(url, form, signature);
    }

    String sign(String url, Map<String, String> form) {
        Mac mac = macs.poll();
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA1");
                mac.init(key);
            }
            mac.update(url.getBytes(StandardCharsets.UTF_8));
            List<String> names = new ArrayList<>(form.keySet());
            Collections.sort(names);
            for (String name : names) {
                mac.update(name.getBytes(StandardCharsets.UTF_8));
                mac.update(form.get(name).getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        } finally {
            if (mac != null) {
                macs.offer(mac);
            }
        }
    }
}
