package org.hotline.gateway.security;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.hotline.caseconnector.privacy.Masking;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Boot's stack-trace converter ({@code %wEx}) with phone-like numbers masked: an exception's message
 * (a provider's error, a parse failure quoting its input) must not carry a number past the net that
 * {@link MaskingMessageConverter} spreads under log messages.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return Masking.phoneLikeIn(LogSecrets.redact(super.throwableProxyToString(tp)));
    }
}
