package org.hotline.gateway.chat.telegram;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Telegram: the provider's registration. */
@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

    @Bean
    TelegramClient telegramClient(TelegramSettings settings, JsonMapper json) {
        return new TelegramClient(settings, json);
    }
}
