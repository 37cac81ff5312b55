package org.hotline.gateway.security;

import java.util.regex.Pattern;

/** How personal data looks in logs and API answers: never in plain text. */
public final class Masking {

    // a run of 7+ digits, optionally after a + and with single spaces inside (dates keep their dashes)
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d(?:\\s?\\d){6,}");

    private Masking() {}

    /** {@code +35929394777} becomes {@code +359*****777}; a scheme such as {@code whatsapp:} is kept. */
    public static String phone(String number) {
        if (number == null || number.isBlank()) {
            return "(none)";
        }
        int colon = number.indexOf(':');
        String scheme = colon > 0 ? number.substring(0, colon + 1) : "";
        String digits = number.substring(scheme.length()).replaceAll("[\\s-]", "");
        if (digits.length() <= 6) {
            return scheme + "*".repeat(digits.length());
        }
        int keepStart = digits.startsWith("+") ? 4 : 3;
        return scheme + digits.substring(0, keepStart) + "*".repeat(digits.length() - keepStart - 3)
                + digits.substring(digits.length() - 3);
    }

    /** Free text (a message, a name) is never shown; only its size. */
    public static String text(String text) {
        return text == null ? "(none)" : "[" + text.length() + " chars]";
    }

    /** The safety net for log lines: masks anything that looks like a phone number. */
    public static String phoneLikeIn(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        var matcher = PHONE_LIKE.matcher(message);
        if (!matcher.find()) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        do {
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(phone(matcher.group())));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
