package org.hotline.gateway.api;

import java.security.Principal;
import java.util.List;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.state.StateSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and (admins) what this gateway is running with. */
@RestController
@RequestMapping("/api/v1")
class SystemController {

    private final HotlineDirectory directory;
    private final StateSettings state;

    SystemController(HotlineDirectory directory, StateSettings state) {
        this.directory = directory;
        this.state = state;
    }

    record Me(String username, List<String> roles) {}

    @GetMapping("/me")
    Me me(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "").toLowerCase()).toList());
    }

    record SystemSummary(String store, List<String> languages, List<String> teams, int officers) {}

    @GetMapping("/system")
    SystemSummary system(Principal principal) {
        return new SystemSummary(state.store().name().toLowerCase(),
                directory.languagesInMenuOrder().stream().map(l -> l.code()).toList(),
                directory.teams().stream().map(t -> t.id()).toList(),
                directory.officers().size());
    }
}
