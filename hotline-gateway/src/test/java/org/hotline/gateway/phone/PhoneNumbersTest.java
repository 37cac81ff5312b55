package org.hotline.gateway.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick E.164 check agrees with libphonenumber's own parse on every region's numbers and on random digits. */
class PhoneNumbersTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void shouldAgreeWithLibphonenumbersParse() {
        List<String> numbers = new ArrayList<>(List.of("+35929394777", "+359888123456", "+266696687", "+86282452253", "+7378742833",
                "+2562533", "+390612345678", "+393123456789", "+14158675309", "+447911123456", "+4420711234567", "+380441234567",
                "+0123456789", "anonymous", "+359", "+3598881234567890"));
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                var example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    String e164 = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
                    numbers.add(e164);
                    numbers.add(e164.substring(0, e164.length() - 1));
                    numbers.add(e164 + "7");
                }
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder digits = new StringBuilder("+").append(1 + random.nextInt(9));
            int length = 6 + random.nextInt(9);
            for (int d = 0; d < length; d++) {
                digits.append(random.nextInt(10));
            }
            numbers.add(digits.toString());
        }
        int valid = 0;
        for (String number : numbers) {
            boolean expected = number.matches("\\+[1-9]\\d{6,14}") && PhoneNumbers.parsedValid(number);
            assertThat(PhoneNumbers.isValidE164(number)).as(number).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("the table holds valid numbers too").isGreaterThan(1000);
        assertThat(PhoneNumbers.isValidE164("+35929394777")).isTrue();
        assertThat(PhoneNumbers.isValidE164("+266696687")).as("Twilio's 'anonymous' in digits").isFalse();
    }
}
