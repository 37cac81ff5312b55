package org.hotline.gateway.channel;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.hotline.gateway.flow.Channel;

/**
 * The channel a contact really came on, as the call log, the metrics and the case store name it,
 * with what the rest of the gateway may know of it: its kind (the flow sees only {@link Channel#VOICE}
 * or {@link Channel#CHAT}, which decides how a step is rendered), whether a person's address on it is a
 * phone number, and how long after the person's last message the hotline may still write freely
 * (WhatsApp's 24 hours). A new channel is one line here and one package of its own.
 */
public enum ContactChannel {
    TWILIO_VOICE("twilio-voice", Channel.VOICE, true, null),
    ASTERISK("asterisk", Channel.VOICE, true, null),
    WHATSAPP("whatsapp", Channel.CHAT, true, Duration.ofHours(24)),
    SMS("sms", Channel.CHAT, true, null),
    VIBER("viber", Channel.CHAT, false, null),
    TELEGRAM("telegram", Channel.CHAT, false, null);

    private final String wireName;
    private final Channel kind;
    private final boolean phoneAddressed;
    private final Duration replyWindow;

    ContactChannel(String wireName, Channel kind, boolean phoneAddressed, Duration replyWindow) {
        this.wireName = wireName;
        this.kind = kind;
        this.phoneAddressed = phoneAddressed;
        this.replyWindow = replyWindow;
    }

    /** A person's address is their phone number ({@code whatsapp:+…} counts); otherwise an opaque messenger id. */
    public boolean phoneAddressed() {
        return phoneAddressed;
    }

    /** How long after the person's last message free-form replies may go; empty: always. */
    public Optional<Duration> replyWindow() {
        return Optional.ofNullable(replyWindow);
    }

    /** An address on this channel as officers and logs see it: a number masked, a messenger id reduced to its size. */
    public String masked(String contact) {
        return phoneAddressed ? org.hotline.caseconnector.privacy.Masking.phone(contact)
                : wireName + ":" + org.hotline.caseconnector.privacy.Masking.text(contact);
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
