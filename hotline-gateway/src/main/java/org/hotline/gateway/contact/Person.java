package org.hotline.gateway.contact;

import org.hotline.gateway.channel.ContactChannel;

/**
 * Who a contact is, as far as the gateway may know: the address the contact came from (a number,
 * {@code whatsapp:+…}, a messenger id) and a phone number when the address is one (withheld callers
 * and messenger ids have none).
 */
public record Person(ContactChannel channel, String address, String phone) {

    /** A caller on a phone line: the number, or null when withheld. */
    public static Person caller(ContactChannel channel, String e164) {
        return new Person(channel, e164, e164);
    }

    public boolean hasPhone() {
        return phone != null;
    }

    /**
     * The name under which the gateway remembers this person (always through a keyed hash): their
     * number, so a caller and the same person on WhatsApp are one; else the channel and their id.
     */
    String memoryKey() {
        return phone != null ? phone : address == null ? null : channel.wireName() + ":" + address;
    }
}
