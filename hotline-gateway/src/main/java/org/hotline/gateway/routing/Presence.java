package org.hotline.gateway.routing;

/**
 * An officer's presence. Officers declare available, away (e.g. visiting a reception centre) or
 * offline; busy is derived: on a call, ringing with an offer, in wrap-up, or at chat capacity.
 */
public enum Presence {
    AVAILABLE, BUSY, AWAY, OFFLINE;

    public String wireName() {
        return name().toLowerCase();
    }
}
