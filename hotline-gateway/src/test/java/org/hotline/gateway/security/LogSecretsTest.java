package org.hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider's token never reaches a log line, in the message or in a stack trace, wherever it stands. */
class LogSecretsTest {

    static final String TOKEN = "987654321:AAlog-secrets-test-token";

    @Test
    void shouldRedactARegisteredSecretInMessagesAndStackTraces() {
        LogSecrets.register(List.of(TOKEN, "short"));
        var context = new LoggerContext();
        var message = new MaskingMessageConverter();
        var trace = new MaskingThrowableConverter();
        trace.setContext(context);
        trace.start();
        var event = new LoggingEvent("test", context.getLogger("test"), Level.WARN,
                "file https://api.telegram.org/file/bot{}/photos/1.jpg not fetched", new IllegalStateException("GET /bot" + TOKEN + "/getFile"),
                new Object[] {TOKEN});

        assertThat(message.convert(event)).isEqualTo("file https://api.telegram.org/file/bot[secret]/photos/1.jpg not fetched");
        assertThat(trace.convert(event)).contains("GET /bot[secret]/getFile").doesNotContain(TOKEN);
        assertThat(LogSecrets.redact("a short word")).as("values under 8 characters are not secrets").isEqualTo("a short word");
    }
}
