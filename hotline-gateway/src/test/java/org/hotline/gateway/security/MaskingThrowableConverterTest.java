package org.hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** Stack traces pass through the same net as messages: an exception's text may quote a number. */
class MaskingThrowableConverterTest {

    @Test
    void shouldMaskNumbersInAnExceptionsTextAndItsCauses() {
        var context = new LoggerContext();
        var converter = new MaskingThrowableConverter();
        converter.setContext(context);
        converter.start();
        var cause = new IllegalArgumentException("not a number: 0888-123-456");
        var event = new LoggingEvent("test", context.getLogger("test"), Level.ERROR, "failed",
                new IllegalStateException("sending to whatsapp:+359 888 123 456 failed", cause), null);

        String trace = converter.convert(event);

        assertThat(trace).contains("IllegalStateException", "IllegalArgumentException", "\tat ")
                .doesNotContain("888 123 456", "888123456", "0888-123-456");
    }
}
