package org.hotline.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The path a request is routed on, for deciding who must authenticate it: decoded and normalised
 * by the servlet container ({@code %74} is {@code t}, {@code ;param} and {@code /./} are gone), with
 * repeated slashes folded, compared without regard to case, so that no spelling of a webhook path
 * escapes its signature check. The raw request URI must never decide this:
 * {@code /webhooks/%74wilio/...} reaches the Twilio controllers. On every request's path: no
 * allocation unless the path has a double slash.
 */
public final class WebhookPaths {

    /** Where every provider's webhooks are: under this path and only there. */
    public static final String PREFIX = "/webhooks/";

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    private WebhookPaths() {}

    /** True when the routed path starts with {@code prefix} (lower case, starting with a slash). */
    public static boolean isUnder(HttpServletRequest request, String prefix) {
        return isUnder(routed(request), prefix);
    }

    /** {@link #isUnder(HttpServletRequest, String)} for a path already {@link #routed}. */
    public static boolean isUnder(String routedPath, String prefix) {
        return routedPath.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The routed path, normalised as described above, for several questions about one request. */
    public static String routed(HttpServletRequest request) {
        String path = request.getServletPath();
        if (request.getPathInfo() != null) {
            path = path + request.getPathInfo();
        }
        if (path.contains("//")) {
            path = SLASHES.matcher(path).replaceAll("/");
        }
        return path;
    }
}
