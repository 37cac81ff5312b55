package org.hotline.gateway.chat.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.chat.ChatEvent;
import org.hotline.gateway.chat.InboundMessage;
import org.hotline.gateway.chat.MalformedPayloadException;
import org.hotline.gateway.chat.MediaRef;
import org.hotline.gateway.channel.ContactChannel;

/**
 * An update turned into the chat core's events. A message and a button press are the person
 * writing (the press as the button's reply); the bot blocked or unblocked is the person's
 * subscription. The update id is what Telegram repeats when it retries: it is the dedupe key.
 * Edits and update kinds the hotline does not use are acknowledged and ignored.
 */
final class TelegramEvents {

    /** A file's reference: fetched later through the Bot API's getFile, with the bot's token. */
    static final String FILE_SCHEME = "telegram-file:";

    private TelegramEvents() {}

    static Optional<ChatEvent> decode(TelegramUpdate update, Instant receivedAt) {
        if (update == null || update.updateId() == null) {
            throw new MalformedPayloadException("an update needs its update_id");
        }
        String updateId = String.valueOf(update.updateId());
        if (update.message() != null) {
            TelegramUpdate.Message m = update.message();
            String text = m.text() != null ? m.text() : m.caption();
            return Optional.of(new ChatEvent.Received(new InboundMessage(ContactChannel.TELEGRAM, chatId(m), null, updateId, text,
                    media(m), name(m.from()), receivedAt)));
        }
        if (update.callbackQuery() != null) {
            TelegramUpdate.CallbackQuery press = update.callbackQuery();
            if (press.message() == null || press.data() == null) {
                throw new MalformedPayloadException("a callback_query needs its message and data");
            }
            return Optional.of(new ChatEvent.Received(new InboundMessage(ContactChannel.TELEGRAM, chatId(press.message()), null, updateId,
                    press.data(), List.of(), name(press.from()), receivedAt)));
        }
        if (update.myChatMember() != null && update.myChatMember().newChatMember() != null) {
            TelegramUpdate.ChatMemberUpdated change = update.myChatMember();
            if (change.chat() == null || change.chat().id() == null) {
                throw new MalformedPayloadException("my_chat_member needs its chat");
            }
            boolean blocked = "kicked".equals(change.newChatMember().status());
            return Optional.of(new ChatEvent.Subscription(ContactChannel.TELEGRAM, String.valueOf(change.chat().id()), !blocked,
                    "my_chat_member:" + updateId));
        }
        return Optional.empty();
    }

    private static String chatId(TelegramUpdate.Message message) {
        if (message.chat() == null || message.chat().id() == null) {
            throw new MalformedPayloadException("a message needs its chat.id");
        }
        return String.valueOf(message.chat().id());
    }

    private static String name(TelegramUpdate.User user) {
        if (user == null || user.firstName() == null) {
            return null;
        }
        return user.lastName() == null ? user.firstName() : user.firstName() + " " + user.lastName();
    }

    private static List<MediaRef> media(TelegramUpdate.Message m) {
        List<MediaRef> media = new ArrayList<>();
        if (m.photo() != null && !m.photo().isEmpty()) {
            // Telegram sends each photo in several sizes: the largest is the one to show
            m.photo().stream().max(Comparator.comparingLong(p -> (long) (p.width() == null ? 0 : p.width()) * (p.height() == null ? 0 : p.height())))
                    .ifPresent(p -> media.add(new MediaRef("picture", "image/jpeg", FILE_SCHEME + p.fileId(), null)));
        }
        file(media, "audio", m.voice(), "audio/ogg");
        file(media, "audio", m.audio(), "audio/mpeg");
        file(media, "video", m.video(), "video/mp4");
        if (m.document() != null) {
            file(media, MediaRef.kindOf(m.document().mimeType()), m.document(), "application/octet-stream");
        }
        if (m.location() != null && m.location().latitude() != null && m.location().longitude() != null) {
            media.add(new MediaRef("location", null, "geo:" + m.location().latitude() + "," + m.location().longitude(), null));
        }
        return media;
    }

    private static void file(List<MediaRef> media, String kind, TelegramUpdate.File file, String defaultType) {
        if (file != null && file.fileId() != null) {
            media.add(new MediaRef(kind, file.mimeType() != null ? file.mimeType() : defaultType, FILE_SCHEME + file.fileId(), file.fileName()));
        }
    }
}
