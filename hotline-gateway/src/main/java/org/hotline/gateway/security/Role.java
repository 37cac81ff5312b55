package org.hotline.gateway.security;

/** What a signed-in user may do: officers handle contacts, supervisors oversee, admins configure. */
public enum Role {
    OFFICER, SUPERVISOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
