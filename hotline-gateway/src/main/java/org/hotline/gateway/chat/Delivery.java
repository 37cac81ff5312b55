package org.hotline.gateway.chat;

/**
 * Where an outgoing message is. Provider callbacks arrive out of order (a "read" before its
 * "delivered"), so a status only ever moves forward.
 */
public enum Delivery {
    /** Waiting for the person to write again: WhatsApp allows no free-form message outside its 24-hour window. */
    HELD,
    /** In the gateway's outbound queue, retried while the provider is unreachable. */
    QUEUED,
    SENT, DELIVERED, READ,
    FAILED;

    public String wireName() {
        return name().toLowerCase();
    }

    /** The status after {@code next} arrives: later stages win; a failure cannot undo a delivery. */
    public Delivery then(Delivery next) {
        if (next == FAILED) {
            return this == DELIVERED || this == READ ? this : FAILED;
        }
        if (this == FAILED) {
            return next == DELIVERED || next == READ ? next : FAILED;
        }
        return next.ordinal() > ordinal() ? next : this;
    }
}
