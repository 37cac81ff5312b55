package org.hotline.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal the API decided on says why, in its body: "400 Bad Request" alone does not tell an
 * officer (or the console) which field to fix. Only the reasons the gateway wrote are shown;
 * unexpected errors keep Boot's bare answer. First among the advices, so that a refusal is never
 * turned into another answer by a broader handler (a webhook's "retry later"). The console's pages
 * (plain controllers) get Boot's error page instead, in the officer's language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> refused(ResponseStatusException e, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now());
        body.put("status", e.getStatusCode().value());
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        body.put("error", status == null ? "" : status.getReasonPhrase());
        body.put("message", e.getReason());
        body.put("path", request.getRequestURI());
        return ResponseEntity.status(e.getStatusCode()).body(body);
    }
}
