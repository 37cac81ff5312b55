package org.hotline.gateway.chat.viber;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Viber bot callback as Viber sends it (every event type in one shape; each uses some fields).
 * Fields Viber adds later are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ViberCallback(String event, Long timestamp, @JsonProperty("message_token") Long messageToken, User sender,
                            User user, @JsonProperty("user_id") String userId, Message message, String desc,
                            Boolean subscribed) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String name, String language, String country) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String type, String text, String media, @JsonProperty("file_name") String fileName, Long size,
                          Location location, Contact contact) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(Double lat, Double lon) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, @JsonProperty("phone_number") String phoneNumber) {}
}
