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
        // E.164 already: the country calling code is the first 1 to 3 digits libphonenumber knows
        // (calling codes are prefix-free), the rest the national number as written. Valid so, it is
        // valid: every webhook is spared libphonenumber's general parse. Otherwise the parse decides,
        // as it may read a national number differently (a leading zero kept, Norfolk Island's
        // numbers completed with a digit).
        for (int length = 1; length <= 3; length++) {
            int code = Integer.parseInt(number, 1, 1 + length, 10);
            if (!UTIL.getRegionCodeForCountryCode(code).equals("ZZ")) {
                var asWritten = new com.google.i18n.phonenumbers.Phonenumber.PhoneNumber().setCountryCode(code)
                        .setNationalNumber(Long.parseLong(number, 1 + length, number.length(), 10));
                return number.charAt(1 + length) != '0' && UTIL.isValidNumber(asWritten) || parsedValid(number);
            }
        }
        return false;
    }

    /** libphonenumber's own reading of a number in international form. */
    static boolean parsedValid(String number) {
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
