package org.hotline.gateway.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging.
 *
 * @param whatsappReopenTemplate the ContentSid ({@code HX...}) of the approved WhatsApp template sent
 *                               when the 24-hour window has closed: it asks the person to write back,
 *                               and the officer's held messages follow their answer
 * @param sendHorizon            how long a reply is retried while its provider is down before it is marked failed
 */
@ConfigurationProperties("hotline.chat")
public record ChatSettings(String whatsappReopenTemplate, @DefaultValue("24h") Duration sendHorizon) {}
