package org.hotline.gateway.console;

import java.util.Map;
import java.util.stream.Collectors;
import org.hotline.gateway.chat.InboxViewer;
import org.hotline.gateway.config.HotlineConfig;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.security.SecuritySettings;
import org.hotline.gateway.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is at the console, as the inbox sees them, and the languages' own names for its pages. */
@Component
class ConsoleUsers {

    private final HotlineDirectory directory;
    private final SecuritySettings security;

    ConsoleUsers(HotlineDirectory directory, SecuritySettings security) {
        this.directory = directory;
        this.security = security;
    }

    SignedInUser user(Authentication authentication) {
        return SignedInUser.of(authentication, security);
    }

    /** Officers and supervisors; anyone else is refused, as by the inbox API. */
    InboxViewer viewer(Authentication authentication) {
        return InboxViewer.of(SignedInUser.of(authentication, security), directory)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "the console is for officers and supervisors"));
    }

    /** The hotline's own time, where its officers work: the zone of its schedules. */
    java.time.ZoneId zone() {
        return directory.zone();
    }

    /** {@code en} → {@code English}, {@code bg} → {@code Български}: each language in its own words. */
    Map<String, String> languageNames() {
        return directory.config().languages().stream().collect(Collectors.toMap(HotlineConfig.Language::code, HotlineConfig.Language::name));
    }
}
