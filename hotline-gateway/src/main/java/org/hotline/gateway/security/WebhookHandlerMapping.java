package org.hotline.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a webhook's controller method in one map look-up. Spring MVC asks its handler mappings in
 * turn, the actuator's first: for a path that is not its own, that one compares the request with
 * each of its endpoints and then works out why none matched, before the application's mapping finds
 * the webhook. A webhook is a POST to a fixed path the gateway's controllers declare; asked first,
 * this mapping knows those paths (read from the application's mapping, so there is one source of
 * routes). Anything else (another spelling of the path, another method, an Accept header other than
 * anything or the method's own type) is left to Spring MVC's mappings, which answer as they always do.
 */
final class WebhookHandlerMapping extends AbstractHandlerMapping {

    private record Route(HandlerMethod method, String pattern, Set<MediaType> produces) {}

    private final RequestMappingHandlerMapping application;
    private volatile Map<String, Route> routes;

    WebhookHandlerMapping(RequestMappingHandlerMapping application) {
        this.application = application;
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        // the raw path, as sent: only the plain spelling of a webhook's path is taken here
        String path = request.getRequestURI();
        int start = request.getContextPath().length();
        if (!path.startsWith(WebhookPaths.PREFIX, start)) {
            return null;
        }
        Route route = routes().get(start == 0 ? path : path.substring(start));
        if (route == null || !acceptable(request.getHeader("Accept"), route)) {
            return null;
        }
        // what Spring MVC's own mapping leaves on a request it routes
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, route.method());
        request.setAttribute(PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, route.pattern());
        request.setAttribute(BEST_MATCHING_PATTERN_ATTRIBUTE, route.pattern());
        request.setAttribute(URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of());
        if (!route.produces().isEmpty()) {
            request.setAttribute(PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, route.produces());
        }
        return route.method();
    }

    private static boolean acceptable(String accept, Route route) {
        return accept == null || accept.isBlank() || accept.equals("*/*") || route.produces().isEmpty()
                || route.produces().stream().anyMatch(type -> type.toString().equals(accept));
    }

    /**
     * Read on the first webhook, not when this mapping is made: resolving the controllers then could
     * create them in the middle of the configuration's own start-up.
     */
    private Map<String, Route> routes() {
        Map<String, Route> known = routes;
        if (known == null) {
            known = webhookRoutes(application.getHandlerMethods());
            routes = known;
        }
        return known;
    }

    /**
     * The application's POST mappings to a fixed path under {@code /webhooks/}, with no condition on
     * parameters, headers, content type or version; a path mapped twice is left to Spring MVC.
     */
    static Map<String, Route> webhookRoutes(Map<RequestMappingInfo, HandlerMethod> mappings) {
        Map<String, Route> found = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        mappings.forEach((info, method) -> {
            if (info.getPathPatternsCondition() == null || !info.getMethodsCondition().getMethods().equals(Set.of(RequestMethod.POST))
                    || !info.getParamsCondition().isEmpty() || !info.getHeadersCondition().isEmpty()
                    || !info.getConsumesCondition().isEmpty() || !info.getVersionCondition().isEmpty()
                    || info.getCustomCondition() != null) {
                return;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (pattern.hasPatternSyntax() || !path.startsWith(WebhookPaths.PREFIX)) {
                    continue;
                }
                Route route = new Route(method.createWithResolvedBean(), path,
                        Set.copyOf(info.getProducesCondition().getProducibleMediaTypes()));
                if (found.putIfAbsent(path, route) != null) {
                    ambiguous.add(path);
                }
            }
        });
        ambiguous.forEach(found::remove);
        return Map.copyOf(found);
    }
}
