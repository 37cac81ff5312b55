package org.hotline.gateway.chat.twilio;

import org.hotline.gateway.channel.ContactChannel;
import java.util.Map;
import java.util.Optional;
import org.hotline.gateway.chat.ChatEvent;
import org.hotline.gateway.chat.Delivery;

/**
 * Twilio's status callback for a message the hotline sent. Statuses that say nothing new for the
 * transcript (receiving, received) and ones Twilio may add later are acknowledged and ignored.
 */
public record TwilioMessageStatus(String messageSid, String status, String errorCode, String errorMessage, String channelAddress) {

    public static TwilioMessageStatus parse(Map<String, String> form) {
        return new TwilioMessageStatus(TwilioInboundMessage.required(form, "MessageSid"), TwilioInboundMessage.required(form, "MessageStatus"),
                form.get("ErrorCode"), form.get("ErrorMessage"), form.getOrDefault("To", ""));
    }

    public Optional<ChatEvent.StatusUpdate> toEvent() {
        Delivery delivery = switch (status) {
            case "accepted", "scheduled", "queued", "sending", "sent" -> Delivery.SENT;
            case "delivered" -> Delivery.DELIVERED;
            case "read" -> Delivery.READ;
            case "failed", "undelivered", "canceled" -> Delivery.FAILED;
            default -> null;
        };
        if (delivery == null) {
            return Optional.empty();
        }
        String error = delivery != Delivery.FAILED ? null
                : "Twilio " + status + (errorCode == null ? "" : " (error " + errorCode + ")") + (errorMessage == null ? "" : ": " + errorMessage);
        ContactChannel channel = channelAddress.startsWith("whatsapp:") ? ContactChannel.WHATSAPP : ContactChannel.SMS;
        return Optional.of(new ChatEvent.StatusUpdate(channel, messageSid, delivery, error));
    }
}
