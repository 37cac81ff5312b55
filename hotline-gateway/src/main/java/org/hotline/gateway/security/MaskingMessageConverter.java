package org.hotline.gateway.security;

import org.hotline.caseconnector.privacy.Masking;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with phone-like numbers masked: a safety net under the rule that code
 * logs personal data only through {@link Masking}.
 */
public class MaskingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Masking.phoneLikeIn(LogSecrets.redact(super.convert(event)));
    }
}
