package org.hotline.gateway.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, in the console's languages; Spring Security's form login checks what it posts. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
