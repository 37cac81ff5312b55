package org.hotline.caseconnector.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How personal data looks in logs, API answers and stored error texts: never in plain text. The
 * gateway and the case connector both use it, so a dead letter's reason is masked the same way as
 * a log line.
 */
public final class Masking {

    /**
     * A run of 7+ digits, optionally after a + (or an opening parenthesis), with single separators
     * inside as people write numbers: {@code +359 888 123 456}, {@code 0888-123-456}, {@code (02) 939 4777}.
     */
    /**
     * A run of seven digits or more, as people write numbers. Digits glued to letters belong to an
     * identifier (a call id {@code AGI8e02840f…95982060b3f…}, a Twilio CallSid): masking them would
     * make the log line of a call unfindable and hides no one.
     */
    private static final Pattern PHONE_LIKE = Pattern.compile("(?<![A-Za-z0-9_])\\+?\\(?\\d(?:(?:[ \\-]|\\) ?| ?\\()?\\d){6,}(?![A-Za-z0-9_])");
    /** ISO dates (and a following hour) have dashes too; they are not numbers to hide. */
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2})?");
    /** A messenger or phone address with its scheme: {@code whatsapp:+359…}, {@code viber:AbC…}, {@code tel:…}. */
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\b(?:whatsapp|viber|telegram|messenger|tel|sip|sms):[^\\s,;'\"]+");

    private Masking() {}

    /** {@code +35929394777} becomes {@code +359*****777}; a scheme such as {@code whatsapp:} is kept. */
    public static String phone(String number) {
        if (number == null || number.isBlank()) {
            return "(none)";
        }
        int colon = number.indexOf(':');
        String scheme = colon > 0 ? number.substring(0, colon + 1) : "";
        String digits = number.substring(scheme.length()).replaceAll("[\\s\\-()]", "");
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

    /** The safety net for log lines and exception texts: masks anything that looks like a phone number. */
    public static String phoneLikeIn(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        Matcher matcher = PHONE_LIKE.matcher(message);
        if (!matcher.find()) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        do {
            String found = matcher.group();
            String replacement = ISO_DATE.matcher(found).matches() ? found : phone(found);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A text that came from outside (a provider's error message, a case store's refusal) made safe
     * to store and show: addresses with a scheme are replaced whole, then numbers are masked.
     */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return phoneLikeIn(ADDRESS.matcher(text).replaceAll("[address]"));
    }
}
