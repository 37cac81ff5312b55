package org.hotline.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body before anything reads it, first in the chain, so that no unsigned or
 * anonymous request can make the gateway hold more than the cap: webhooks (a Twilio form, a Viber
 * or Telegram JSON) at {@code hotline.limits.webhook-body} (1 MiB), everything else (the API's JSON,
 * the sign-in form) at {@code hotline.limits.api-body}. A declared length over the cap is refused
 * with 413 without reading; a body of unknown length (chunked) is read up to the cap and refused
 * as soon as it passes it.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long webhookLimit;
    private final long apiLimit;
    private final MeterRegistry metrics;

    public BodySizeLimitFilter(DataSize webhookLimit, DataSize apiLimit, MeterRegistry metrics) {
        this.webhookLimit = webhookLimit.toBytes();
        this.apiLimit = apiLimit.toBytes();
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean webhook = WebhookPaths.isUnder(request, WebhookPaths.PREFIX);
        long limit = webhook ? webhookLimit : apiLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, webhook, limit);
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            tooLarge(response, webhook, limit);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** The body, or null once it passes {@code limit} bytes (reading stops there). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) limit + 1);
        return body.length > limit ? null : body;
    }

    private void tooLarge(HttpServletResponse response, boolean webhook, long limit) throws IOException {
        metrics.counter("hotline.requests.rejected", "reason", "too_large", "kind", webhook ? "webhook" : "api").increment();
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("the request body is larger than " + limit + " bytes\n");
    }
}
