package org.hotline.caseconnector.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
            "+35929394777, +359*****777",
            "whatsapp:+359880000001, whatsapp:+359******001",
            "0880000001, 088****001",
            "12345, *****",
    })
    void shouldMaskPhoneNumbersKeepingTheirEnds(String number, String masked) {
        assertThat(Masking.phone(number)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "call from +359880000001 queued | call from +359******001 queued",
            "digits 1234567 and +359 88 000 0001 | digits 123*567 and +359******001",
            "written +359 888 123 456 by hand | written +359******456 by hand",
            "or 0888-123-456 with dashes | or 088****456 with dashes",
            "or (02) 939 4777 at the office | or 029***777 at the office",
            "holiday on 2026-12-24 at 09:00 | holiday on 2026-12-24 at 09:00",
            "at 2026-12-24 09:00 and 2026-12-01T08:00:00Z | at 2026-12-24 09:00 and 2026-12-01T08:00:00Z",
            "nothing here | nothing here",
            "call AGI8e02840f0bac4f95982060b3f6be9083 ended | call AGI8e02840f0bac4f95982060b3f6be9083 ended",
            "call CA12345678901234567890123456789012 from +359888000101 | call CA12345678901234567890123456789012 from +359******101",
    })
    void shouldMaskPhoneLikeRunsInLogLines(String line, String masked) {
        assertThat(Masking.phoneLikeIn(line)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The 'To' number whatsapp:+359880000001 is not a valid phone number. | The 'To' number [address] is not a valid phone number.",
            "receiver viber:AbCdEf== is not subscribed | receiver [address] is not subscribed",
            "no contact for +359 88 000 0001 | no contact for +359******001",
    })
    void shouldScrubAddressesAndNumbersFromOutsideTexts(String text, String scrubbed) {
        assertThat(Masking.scrub(text)).isEqualTo(scrubbed);
    }

    @ParameterizedTest
    @CsvSource({"I need help now, [15 chars]"})
    void shouldShowOnlyTheSizeOfText(String text, String shown) {
        assertThat(Masking.text(text)).isEqualTo(shown);
    }
}
