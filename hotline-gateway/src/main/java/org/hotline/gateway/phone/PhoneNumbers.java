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
        return number != null && number.matches("\\+[1-9]\\d{6,14}") && normalize(number, "ZZ").isPresent();
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
