package org.hotline.gateway.testing;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Users for API tests, all with the password "pw": officers olga (elena) and nina (nadia), both of the
 * counter-trafficking team, gosho (georgi, avrr), ida (interpreter-desk, who works with interpreters),
 * supervisor sue, admin root, script author amy.
 */
public final class TestUsers {

    public static final String OLGA = "olga:pw";
    public static final String GOSHO = "gosho:pw";
    public static final String NINA = "nina:pw";
    public static final String SUE = "sue:pw";
    public static final String ROOT = "root:pw";
    public static final String AMY = "amy:pw";
    public static final String IDA = "ida:pw";

    private TestUsers() {}

    public static void register(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder(4).encode("pw");
        String[][] users = {{"olga", "officer", "elena"}, {"gosho", "officer", "georgi"}, {"sue", "supervisor", null}, {"root", "admin", null},
                {"nina", "officer", "nadia"}, {"amy", "script-author", null},
                {"ida", "officer", "interpreter-desk"}};
        for (int i = 0; i < users.length; i++) {
            String prefix = "hotline.security.users[" + i + "].";
            String[] user = users[i];
            registry.add(prefix + "username", () -> user[0]);
            registry.add(prefix + "password-hash", () -> hash);
            registry.add(prefix + "roles", () -> user[1]);
            if (user[2] != null) {
                registry.add(prefix + "officer", () -> user[2]);
            }
        }
    }
}
