package org.hotline.gateway.chat.twilio;

import org.hotline.gateway.channel.ContactChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.gateway.phone.PhoneNumbers;
import org.hotline.gateway.chat.InboundMessage;
import org.hotline.gateway.chat.MalformedPayloadException;
import org.hotline.gateway.chat.MediaRef;

/**
 * Twilio Messaging's inbound webhook, as typed fields: WhatsApp when the addresses start with
 * {@code whatsapp:}, SMS for plain numbers. Parameters Twilio adds later are ignored, never refused.
 *
 * @param location {@code geo:lat,lon} when WhatsApp shared a location, else null
 */
public record TwilioInboundMessage(String messageSid, String from, String to, String body, List<MediaRef> media,
                                   String profileName, String location, String locationLabel) {

    public static TwilioInboundMessage parse(Map<String, String> form) {
        String sid = required(form, "MessageSid");
        String from = required(form, "From");
        String to = required(form, "To");
        int count;
        try {
            count = Integer.parseInt(form.getOrDefault("NumMedia", "0"));
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException("NumMedia must be a number, not '" + form.get("NumMedia") + "'");
        }
        if (count < 0 || count > 10) {
            throw new MalformedPayloadException("NumMedia must be between 0 and 10, not " + count);
        }
        List<MediaRef> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = required(form, "MediaUrl" + i);
            String type = form.get("MediaContentType" + i);
            media.add(new MediaRef(MediaRef.kindOf(type), type, url, null));
        }
        String location = null;
        if (form.get("Latitude") != null && form.get("Longitude") != null) {
            try {
                location = "geo:" + Double.parseDouble(form.get("Latitude")) + "," + Double.parseDouble(form.get("Longitude"));
            } catch (NumberFormatException e) {
                throw new MalformedPayloadException("Latitude and Longitude must be numbers");
            }
        }
        String label = form.get("Label") != null ? form.get("Label") : form.get("Address");
        return new TwilioInboundMessage(sid, from, to, form.getOrDefault("Body", ""), media, form.get("ProfileName"), location, label);
    }

    public ContactChannel channel() {
        return channelOf(from);
    }

    public InboundMessage toMessage(Instant receivedAt) {
        List<MediaRef> all = new ArrayList<>(media);
        if (location != null) {
            all.add(new MediaRef("location", null, location, locationLabel));
        }
        return new InboundMessage(channel(), from, to, messageSid, body, all, profileName, receivedAt);
    }

    static ContactChannel channelOf(String address) {
        // every number that enters is a valid E.164 number, whatever the provider sends
        if (address.startsWith("whatsapp:") && PhoneNumbers.isValidE164(address.substring("whatsapp:".length()))) {
            return ContactChannel.WHATSAPP;
        }
        if (PhoneNumbers.isValidE164(address)) {
            return ContactChannel.SMS;
        }
        throw new MalformedPayloadException("From '" + address.replaceAll("\\d(?=\\d{3})", "*")
                + "' is neither a WhatsApp address (whatsapp:+...) nor a phone number");
    }

    static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedPayloadException("the parameter " + name + " is missing");
        }
        return value;
    }
}
