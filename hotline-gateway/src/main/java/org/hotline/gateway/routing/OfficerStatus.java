package org.hotline.gateway.routing;

import java.time.Instant;
import org.hotline.gateway.flow.Channel;

/**
 * What routing knows of one officer right now.
 *
 * @param declared       what the officer (or a supervisor) set: available, away or offline
 * @param calls          calls in progress (0 or 1)
 * @param chats          conversations assigned and open
 * @param offeredContact the contact being offered (ringing), or null: never more than one
 * @param freeSince      when the officer last became free; the longest idle is offered first
 * @param wrapUpUntil    no call is offered before this
 * @param missedOffers   offers in a row that rang out; too many mark the officer away
 * @param announced      the presence last announced in a {@link RoutingEvent.PresenceChanged}
 */
public record OfficerStatus(String officerId, Presence declared, int calls, int chats, String offeredContact,
                            Instant offeredAt, Instant freeSince, Instant wrapUpUntil, int missedOffers, Presence announced) {

    public static OfficerStatus initial(String officerId, Presence declared) {
        return new OfficerStatus(officerId, declared, 0, 0, null, null, Instant.EPOCH, Instant.EPOCH, 0, declared);
    }

    public Presence effective(Instant now, int chatCapacity) {
        if (declared != Presence.AVAILABLE) {
            return declared;
        }
        boolean busy = calls > 0 || offeredContact != null || now.isBefore(wrapUpUntil) || chats >= chatCapacity;
        return busy ? Presence.BUSY : Presence.AVAILABLE;
    }

    /** Whether a contact on {@code channel} may be offered now; at most one offer at a time, always. */
    public boolean canTake(Channel channel, Instant now, int chatCapacity) {
        if (declared != Presence.AVAILABLE || offeredContact != null) {
            return false;
        }
        return channel == Channel.VOICE ? calls == 0 && !now.isBefore(wrapUpUntil) : chats < chatCapacity;
    }

    /** Present: declared available, even if busy now; such an officer will be free again. */
    public boolean present() {
        return declared == Presence.AVAILABLE;
    }

    OfficerStatus withDeclared(Presence presence) {
        return new OfficerStatus(officerId, presence, calls, chats, offeredContact, offeredAt, freeSince, wrapUpUntil,
                presence == Presence.AVAILABLE ? 0 : missedOffers, announced);
    }

    OfficerStatus offered(String contactId, Instant at) {
        return new OfficerStatus(officerId, declared, calls, chats, contactId, at, freeSince, wrapUpUntil, missedOffers, announced);
    }

    OfficerStatus offerCleared(boolean missed) {
        return new OfficerStatus(officerId, declared, calls, chats, null, null, freeSince, wrapUpUntil, missed ? missedOffers + 1 : missedOffers,
                announced);
    }

    OfficerStatus answered(Channel channel) {
        return new OfficerStatus(officerId, declared, channel == Channel.VOICE ? calls + 1 : calls,
                channel == Channel.CHAT ? chats + 1 : chats, null, null, freeSince, wrapUpUntil, 0, announced);
    }

    OfficerStatus ended(Channel channel, Instant freeAgain) {
        int newCalls = channel == Channel.VOICE ? Math.max(0, calls - 1) : calls;
        int newChats = channel == Channel.CHAT ? Math.max(0, chats - 1) : chats;
        return new OfficerStatus(officerId, declared, newCalls, newChats, offeredContact, offeredAt,
                channel == Channel.VOICE ? freeAgain : freeSince, channel == Channel.VOICE ? freeAgain : wrapUpUntil, missedOffers, announced);
    }

    OfficerStatus announcing(Presence presence) {
        return new OfficerStatus(officerId, declared, calls, chats, offeredContact, offeredAt, freeSince, wrapUpUntil, missedOffers, presence);
    }
}
