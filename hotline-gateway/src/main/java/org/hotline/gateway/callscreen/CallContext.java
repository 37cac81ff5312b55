package org.hotline.gateway.callscreen;

import java.time.Instant;
import java.util.List;
import org.hotline.gateway.channel.ContactChannel;

/**
 * What an officer needs to know of a call the moment it is offered: where it came from, what the
 * caller chose in the IVR, how long they have waited and whether they reached the hotline before.
 * Never the number. Stored encrypted while the call lasts.
 *
 * @param callId           the call record's id
 * @param screenKey        the channel's name for the call in its events (Twilio's CallSid, Asterisk's unique id)
 * @param path             the IVR nodes the caller went through, in order
 * @param safeToCall       the caller's own answer to "is it safe to call you back" in the IVR, or null if not asked
 * @param earlierContacts  contacts of the same person before this one, as far as the deployment keeps them
 * @param lastOutcome      how the last of them ended, or null
 */
public record CallContext(String callId, String screenKey, ContactChannel channel, String team, String language, String topic,
                          boolean urgent, List<String> path, Instant queuedAt, String safeToCall, int earlierContacts,
                          String lastOutcome, Instant lastContactAt) {

    public CallContext {
        path = path == null ? List.of() : List.copyOf(path);
    }
}
