package org.hotline.gateway.cases;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The {@code Idempotency-Key} a client sends so that a retried request creates one referral. */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    public static void check(String key) {
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Idempotency-Key must be 8 to 100 letters, digits or . _ : -");
        }
    }
}
