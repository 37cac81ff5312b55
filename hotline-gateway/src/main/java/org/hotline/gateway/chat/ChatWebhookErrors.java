package org.hotline.gateway.chat;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a messaging webhook answers when it cannot take an event: 400 naming the problem for a body
 * the provider would never send; 503 when the gateway cannot save it now, so the provider retries
 * (and the dedupe mark was taken back, so the retry is processed).
 */
@RestControllerAdvice(annotations = ChatWebhook.class)
public class ChatWebhookErrors {

    private static final Logger log = LoggerFactory.getLogger(ChatWebhookErrors.class);

    private final MeterRegistry metrics;

    public ChatWebhookErrors(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof MalformedPayloadException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MalformedPayloadException malformed) {
            metrics.counter("hotline.webhooks.rejected", "provider", "chat", "reason", "malformed").increment();
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("malformed webhook: " + malformed.getMessage() + "\n");
        }
        log.warn("a messaging webhook could not be processed now; the provider will retry: {}", cause.toString());
        return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").contentType(MediaType.TEXT_PLAIN)
                .body("the hotline cannot take this message right now; please retry\n");
    }
}
