package org.hotline.gateway.contact;

import java.util.Arrays;
import java.util.Optional;
import org.hotline.gateway.flow.Channel;

/**
 * The channel a contact really came on, as the call log, the metrics and the case store name it.
 * The flow sees only its kind ({@link Channel#VOICE} or {@link Channel#CHAT}), which decides how a
 * step is rendered.
 */
public enum ContactChannel {
    TWILIO_VOICE("twilio-voice", Channel.VOICE),
    ASTERISK("asterisk", Channel.VOICE),
    WHATSAPP("whatsapp", Channel.CHAT),
    SMS("sms", Channel.CHAT),
    VIBER("viber", Channel.CHAT),
    TELEGRAM("telegram", Channel.CHAT);

    private final String wireName;
    private final Channel kind;

    ContactChannel(String wireName, Channel kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    public String wireName() {
        return wireName;
    }

    /** Voice or chat: how the flow's steps are rendered. */
    public Channel kind() {
        return kind;
    }

    public static Optional<ContactChannel> ofWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
