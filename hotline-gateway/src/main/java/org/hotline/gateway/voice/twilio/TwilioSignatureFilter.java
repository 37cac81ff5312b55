package org.hotline.gateway.voice.twilio;

import com.twilio.security.RequestValidator;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request under /webhooks/twilio must carry Twilio's signature over the public URL (as
 * Twilio called it, query included) and the POST parameters. Without an auth token nothing is
 * accepted (503): there is no switch that skips the check. The form is parsed from the raw body,
 * never from the servlet parameter map, which would mix the query string into it.
 *
 * @see <a href="https://www.twilio.com/docs/usage/webhooks/webhooks-security">Twilio webhook security</a>
 */
public class TwilioSignatureFilter extends OncePerRequestFilter {

    public static final String FORM = TwilioSignatureFilter.class.getName() + ".form";

    private final TwilioSettings settings;
    private final String publicBaseUrl;
    private final MeterRegistry metrics;

    public TwilioSignatureFilter(TwilioSettings settings, String publicBaseUrl, MeterRegistry metrics) {
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/$", "");
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/webhooks/twilio/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!settings.configured()) {
            reject(response, 503, "not_configured", "Twilio webhooks are disabled: TWILIO_AUTH_TOKEN is not set");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        String signature = request.getHeader("X-Twilio-Signature");
        String url = publicBaseUrl + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (signature == null || signature.isBlank()) {
            reject(response, 403, "unsigned", "missing X-Twilio-Signature");
            return;
        }
        if (!new RequestValidator(settings.authToken()).validate(url, form, signature)) {
            reject(response, 403, "bad_signature", "the X-Twilio-Signature does not match this request");
            return;
        }
        HttpServletRequest cached = new CachedBodyRequest(request, body);
        cached.setAttribute(FORM, form);
        chain.doFilter(cached, response);
    }

    private void reject(HttpServletResponse response, int status, String reason, String message) throws IOException {
        metrics.counter("hotline.webhooks.rejected", "provider", "twilio", "reason", reason).increment();
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }

    static Map<String, String> parseForm(String body) {
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

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the webhook body is already read: synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }
            };
        }
    }
}
