package org.hotline.gateway.chat;

/** The messaging channels; WhatsApp and SMS both arrive through Twilio Messaging, told apart by the address scheme. */
public enum ChatChannel {
    WHATSAPP, SMS, VIBER;

    public String wireName() {
        return name().toLowerCase();
    }
}
