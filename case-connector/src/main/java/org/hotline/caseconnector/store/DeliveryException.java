package org.hotline.caseconnector.store;

/**
 * Why a case store did not take an item. {@link Kind#RETRY}: it may take it later (connection failed,
 * timed out, 5xx, 429); {@link Kind#REJECT}: it never will as it is (validation, consent, permission),
 * so it becomes a dead letter with the store's reason.
 */
public class DeliveryException extends RuntimeException {

    public enum Kind { RETRY, REJECT }

    private final Kind kind;

    public DeliveryException(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public DeliveryException(Kind kind, String reason) {
        this(kind, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** One place maps HTTP results for every adapter: 429 and 5xx are retried, other 4xx are rejections. */
    public static DeliveryException ofStatus(int status, String body) {
        String reason = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        return new DeliveryException(status == 429 || status >= 500 ? Kind.RETRY : Kind.REJECT, reason);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
