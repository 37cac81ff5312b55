package org.hotline.gateway.voice.twilio;

import java.util.Map;

/** A verified Twilio webhook's parameters, with the names we use; unknown parameters are kept, never refused. */
public record TwilioRequest(Map<String, String> form, Map<String, String> query) {

    public TwilioRequest {
        form = Map.copyOf(form);
        query = Map.copyOf(query);
    }

    public String callSid() {
        return require("CallSid");
    }

    public String from() {
        return form.get("From");
    }

    public String to() {
        return form.get("To");
    }

    public String digits() {
        return form.get("Digits");
    }

    public String get(String name) {
        return form.get(name);
    }

    public String param(String name) {
        return query.get(name);
    }

    public int intValue(String name, int fallback) {
        String value = form.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public String require(String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedWebhookException("the webhook has no " + name);
        }
        return value;
    }

    /** A webhook that is signed but lacks what the endpoint needs: 400, nothing changes. */
    public static class MalformedWebhookException extends RuntimeException {
        public MalformedWebhookException(String message) {
            super(message);
        }
    }
}
