package org.hotline.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Users of the console and API. Passwords are stored only as bcrypt hashes
 * (make one with {@code htpasswd -bnBC 12 "" PASSWORD | tr -d ':'}). {@code officer} links a user to
 * the duty officer they are.
 */
@Validated
@ConfigurationProperties("hotline.security")
public record SecuritySettings(@Valid List<User> users) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(
            @NotBlank String username,
            @NotBlank @Pattern(regexp = "(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}", message = "must be a bcrypt hash") String passwordHash,
            @NotEmpty Set<Role> roles,
            String officer) {}
}
