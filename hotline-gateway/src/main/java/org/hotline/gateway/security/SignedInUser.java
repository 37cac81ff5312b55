package org.hotline.gateway.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;

/** Who is calling the API: their roles, and the officer they are (null for users who are not officers). */
public record SignedInUser(String username, Set<Role> roles, String officerId) {

    public boolean supervises() {
        return roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN);
    }

    public boolean is(String officer) {
        return officer != null && officer.equals(officerId);
    }

    public static SignedInUser of(Authentication authentication, SecuritySettings settings) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().forEach(a -> {
            for (Role role : Role.values()) {
                if (role.authority().equals(a.getAuthority())) {
                    roles.add(role);
                }
            }
        });
        String officer = settings.users().stream().filter(u -> u.username().equals(authentication.getName()))
                .map(SecuritySettings.User::officer).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new SignedInUser(authentication.getName(), roles, officer);
    }
}
