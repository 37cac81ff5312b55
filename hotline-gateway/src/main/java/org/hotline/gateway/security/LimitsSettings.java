package org.hotline.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be, checked before anything reads it ({@link BodySizeLimitFilter}).
 *
 * @param webhookBody a provider's webhook: a Twilio form or a Viber or Telegram JSON (1 MiB)
 * @param apiBody     anything else: the API's JSON, the sign-in form (256 KiB)
 */
@ConfigurationProperties("hotline.limits")
public record LimitsSettings(@DefaultValue("1MB") DataSize webhookBody, @DefaultValue("256KB") DataSize apiBody) {}
