package org.hotline.gateway.security;

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
            "holiday on 2026-12-24 at 09:00 | holiday on 2026-12-24 at 09:00",
            "nothing here | nothing here",
    })
    void shouldMaskPhoneLikeRunsInLogLines(String line, String masked) {
        assertThat(Masking.phoneLikeIn(line)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"I need help now, [15 chars]"})
    void shouldShowOnlyTheSizeOfText(String text, String shown) {
        assertThat(Masking.text(text)).isEqualTo(shown);
    }
}
