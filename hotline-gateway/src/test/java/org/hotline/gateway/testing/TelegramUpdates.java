package org.hotline.gateway.testing;

/** Telegram's updates as the Bot API posts them to the webhook: a text message, a press on an inline button. */
public final class TelegramUpdates {

    private TelegramUpdates() {}

    public static String message(long updateId, long chat, String text) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,"first_name":"Testperson","language_code":"uk"},
                 "chat":{"id":%d,"first_name":"Testperson","type":"private"},"date":1764576000,"text":"%s"}}"""
                .formatted(updateId, updateId, chat, chat, text);
    }

    public static String press(long updateId, long chat, String data) {
        return """
                {"update_id":%d,"callback_query":{"id":"cq%d","from":{"id":%d,"is_bot":false,"first_name":"Testperson"},
                 "message":{"message_id":1,"chat":{"id":%d,"type":"private"},"date":1764576000,"text":"menu"},
                 "chat_instance":"-1","data":"%s"}}""".formatted(updateId, updateId, chat, chat, data);
    }
}
