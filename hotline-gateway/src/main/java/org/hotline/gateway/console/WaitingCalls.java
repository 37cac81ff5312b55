package org.hotline.gateway.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.gateway.callscreen.CallContext;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.chat.InboxViewer;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.QueuedContact;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.routing.RoutingState;
import org.hotline.gateway.voice.asterisk.AsteriskQueuePicture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The calls waiting for the viewer's teams, as rows of the console's queue: Twilio's callers from
 * routing's queues (with its estimate and whom it rings), Asterisk's from AMI's picture of its
 * queues; what the caller chose comes from the call's context, kept when it was queued.
 */
@Component
class WaitingCalls {

    private final RoutingService routing;
    private final CallScreens screens;
    private final HotlineDirectory directory;
    private final ObjectProvider<AsteriskQueuePicture> asterisk;

    WaitingCalls(RoutingService routing, CallScreens screens, HotlineDirectory directory, ObjectProvider<AsteriskQueuePicture> asterisk) {
        this.routing = routing;
        this.screens = screens;
        this.directory = directory;
        this.asterisk = asterisk;
    }

    List<ConsoleController.Row> of(InboxViewer viewer, RoutingState state, Instant now) {
        List<ConsoleController.Row> rows = new ArrayList<>();
        for (List<QueuedContact> queue : state.queues().values()) {
            for (QueuedContact call : queue) {
                if (call.channel() != Channel.VOICE || !viewer.sees(call.team(), null)) {
                    continue;
                }
                Optional<CallContext> context = screens.context(call.contactId());
                Long estimate = routing.router().estimatedWait(state, call.contactId()).map(d -> Math.max(1, d.toMinutes())).orElse(null);
                String offeredTo = call.offeredTo() == null ? null
                        : directory.officer(call.offeredTo()).map(o -> o.displayName()).orElse(call.offeredTo());
                rows.add(new ConsoleController.Row(call.contactId(), context.map(c -> c.channel().wireName()).orElse("twilio-voice"),
                        "queued", call.team(), call.topic(), call.language(),
                        call.priority() == org.hotline.gateway.flow.Node.Priority.URGENT, null, minutes(call.enqueuedAt(), now), null,
                        true, estimate, offeredTo, viewer.user().is(call.offeredTo()), call.enqueuedAt()));
            }
        }
        AsteriskQueuePicture picture = asterisk.getIfAvailable();
        if (picture != null) {
            for (AsteriskQueuePicture.WaitingCall call : picture.waitingCalls()) {
                // a caller the gateway did not queue (a queue reached by other dialplan) has no team to show it to
                screens.context(call.uniqueId()).filter(c -> viewer.sees(c.team(), null)).ifPresent(c -> rows.add(
                        new ConsoleController.Row(call.uniqueId(), c.channel().wireName(), "queued", c.team(), c.topic(), c.language(),
                                c.urgent(), null, minutes(call.since(), now), null, true, null, null, false, call.since())));
            }
        }
        return rows;
    }

    private static long minutes(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toMinutes());
    }
}
