package org.hotline.gateway.twilio;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.gateway.security.BufferedBodyRequest;
import org.hotline.gateway.security.WebhookPaths;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every request whose routed path is under /webhooks/twilio, however it is spelled ({@code %74wilio},
 * {@code ;param}, {@code //}, upper case: see {@link WebhookPaths}), must carry Twilio's signature
 * over the public URL (as Twilio called it, query included) and the POST parameters. Without an auth
 * token nothing is accepted (503): there is no switch that skips the check. The form is parsed from
 * the raw body, never from the servlet parameter map, which would mix the query string into it; the
 * controllers take the form only from here ({@link #verifiedForm}), so a request that did not pass
 * this filter carries nothing they would act on.
 *
 * @see <a href="https://www.twilio.com/docs/usage/webhooks/webhooks-security">Twilio webhook security</a>
 */
public class TwilioSignatureFilter extends OncePerRequestFilter {

    public static final String FORM = TwilioSignatureFilter.class.getName() + ".form";

    private final String publicBaseUrl;
    private final MeterRegistry metrics;
    private final TwilioSignatures signatures;

    public TwilioSignatureFilter(TwilioSettings settings, String publicBaseUrl, MeterRegistry metrics) {
        this.signatures = settings.configured() ? new TwilioSignatures(settings.authToken()) : null;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/$", "");
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WebhookPaths.isUnder(request, "/webhooks/twilio");
    }

    /** The verified form of a Twilio webhook; a request that was not verified is refused (403), never read. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> verifiedForm(HttpServletRequest request) {
        Object form = request.getAttribute(FORM);
        if (!(form instanceof Map<?, ?>)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the request did not pass Twilio's signature check");
        }
        return (Map<String, String>) form;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signatures == null) {
            reject(response, 503, "not_configured", "Twilio webhooks are disabled: TWILIO_AUTH_TOKEN is not set");
            return;
        }
        String signature = request.getHeader("X-Twilio-Signature");
        if (signature == null || signature.isBlank()) {
            reject(response, 403, "unsigned", "missing X-Twilio-Signature");
            return;
        }
        // the body is capped by BodySizeLimitFilter before this reads it
        // read to its declared length (a buffer of that size, not readAllBytes' 16 KB ones)
        int declared = request.getContentLength();
        byte[] body = declared >= 0 ? request.getInputStream().readNBytes(declared) : request.getInputStream().readAllBytes();
        Map<String, String> form;
        try {
            form = parseForm(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            reject(response, 400, "malformed", "the body is not a form Twilio would send");
            return;
        }
        String url = publicBaseUrl + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signatures.matches(url, form, signature)) {
            reject(response, 403, "bad_signature", "the X-Twilio-Signature does not match this request");
            return;
        }
        HttpServletRequest cached = new BufferedBodyRequest(request, body);
        cached.setAttribute(FORM, form);
        chain.doFilter(cached, response);
    }

    private void reject(HttpServletResponse response, int status, String reason, String message) throws IOException {
        metrics.counter("hotline.webhooks.rejected", "provider", "twilio", "reason", reason).increment();
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }

    /** A form body (or a query string) as Twilio sends it; {@link IllegalArgumentException} on a malformed escape. */
    public static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }
}
