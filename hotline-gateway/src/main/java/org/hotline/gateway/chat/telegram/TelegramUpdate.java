package org.hotline.gateway.chat.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An update as the Bot API posts it to the webhook: one of its fields is set. Fields and update
 * kinds Telegram adds later are ignored.
 *
 * @see <a href="https://core.telegram.org/bots/api#update">Bot API: Update</a>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TelegramUpdate(@JsonProperty("update_id") Long updateId, Message message,
                             @JsonProperty("edited_message") Message editedMessage,
                             @JsonProperty("callback_query") CallbackQuery callbackQuery,
                             @JsonProperty("my_chat_member") ChatMemberUpdated myChatMember) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(@JsonProperty("message_id") Long messageId, User from, Chat chat, Long date, String text, String caption,
                          List<PhotoSize> photo, File voice, File document, File audio, File video, Location location) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(Long id, @JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
                       @JsonProperty("language_code") String languageCode) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chat(Long id, String type) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhotoSize(@JsonProperty("file_id") String fileId, Integer width, Integer height,
                            @JsonProperty("file_size") Long fileSize) {}

    /** A voice note, document, audio or video: the same fields the webhook needs of each. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(@JsonProperty("file_id") String fileId, @JsonProperty("file_name") String fileName,
                       @JsonProperty("mime_type") String mimeType, @JsonProperty("file_size") Long fileSize) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(Double latitude, Double longitude) {}

    /** A press on an inline keyboard button: {@code data} is the button's reply. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallbackQuery(String id, User from, Message message, String data) {}

    /** The bot's own membership in a chat changed: the person blocked it ("kicked") or unblocked it ("member"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChatMemberUpdated(Chat chat, User from, Long date, @JsonProperty("new_chat_member") ChatMember newChatMember) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChatMember(String status) {}
}
