package org.hotline.gateway.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** Phone number parsing and validation, delegated to libphonenumber (pure, no I/O). */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** True for a valid number written in E.164 form ({@code +35929394777}). */
    public static boolean isValidE164(String number) {
        if (number == null || !E164.matcher(number).matches()) {
            return false;
        }
        try {
            return UTIL.isValidNumber(UTIL.parse(number, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9]\\d{6,14}");

    /** What a person may type in a phone number: digits, a leading +, and the separators people use. */
    private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile("\\+?[0-9 ()./-]{3,30}");

    /**
     * A number typed by a person (an officer's form, an API body), as E.164; empty when it has any
     * character a phone number does not (libphonenumber alone would read a number out of
     * {@code "+359…\r\nAction: …"} and ignore the rest, so such input is refused, not cleaned).
     */
    public static Optional<String> parseTyped(String raw, String defaultRegion) {
        if (raw == null || !TYPED.matcher(raw.strip()).matches()) {
            return Optional.empty();
        }
        return normalize(raw.strip(), defaultRegion);
    }

    /**
     * The E.164 form of {@code raw} if it is a valid number; {@code defaultRegion} (ISO 3166, such as
     * "BG") applies to numbers dialled without a country code.
     */
    public static Optional<String> normalize(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            var parsed = UTIL.parse(raw, defaultRegion);
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
