package org.hotline.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The path a request is routed on, for deciding who must authenticate it: decoded and normalised
 * by the servlet container ({@code %74} is {@code t}, {@code ;param} and {@code /./} are gone), and
 * in lower case, so that no spelling of a webhook path escapes its signature check. The raw request
 * URI must never decide this: {@code /webhooks/%74wilio/...} reaches the Twilio controllers.
 */
public final class WebhookPaths {

    private WebhookPaths() {}

    public static String normalized(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
    }
}
