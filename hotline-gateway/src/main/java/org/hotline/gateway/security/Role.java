package org.hotline.gateway.security;

/**
 * What a signed-in user may do: officers handle contacts, supervisors oversee, admins configure,
 * script authors try flows on the console's test line ({@code script-author} in hotline.yaml).
 */
public enum Role {
    OFFICER, SUPERVISOR, ADMIN, SCRIPT_AUTHOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
