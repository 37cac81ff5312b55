package org.hotline.gateway.chat;

/** The messaging channels; WhatsApp and SMS both arrive through Twilio Messaging, told apart by the address scheme. */
public enum ChatChannel {
    WHATSAPP, SMS, VIBER;

    public String wireName() {
        return name().toLowerCase();
    }

    /** The channel as the call log and the case store name it. */
    public org.hotline.gateway.contact.ContactChannel contactChannel() {
        return org.hotline.gateway.contact.ContactChannel.valueOf(name());
    }
}
