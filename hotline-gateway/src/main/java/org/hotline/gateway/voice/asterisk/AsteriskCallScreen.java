package org.hotline.gateway.voice.asterisk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.hotline.gateway.chat.InboxChange;
import org.hotline.gateway.chat.InboxEvents;
import org.hotline.gateway.callscreen.CallScreens;
import org.hotline.gateway.config.HotlineDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The officers' call screens on Asterisk, whose own queues ring them: AMI's AgentCalled (the call
 * rings at an officer's phone), AgentRingNoAnswer (it rang out there) and AgentConnect (they picked
 * up), for members named by officer id, the caller known by the channel's unique id. The end of the
 * call comes with its record, from the AGI side. And the consoles of the caller's team hear when a
 * caller joins or leaves a queue. Handled in order, off AMI's event thread.
 */
public class AsteriskCallScreen {

    private static final Logger log = LoggerFactory.getLogger(AsteriskCallScreen.class);

    private final CallScreens screens;
    private final HotlineDirectory directory;
    private final InboxEvents events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ami-call-screen").factory());

    public AsteriskCallScreen(CallScreens screens, HotlineDirectory directory, InboxEvents events) {
        this.screens = screens;
        this.events = events;
        this.directory = directory;
    }

    public void on(ManagerEvent event) {
        switch (event) {
            case AgentCalledEvent called -> later(called.getUniqueId(), called.getMemberName(), screens::offered);
            case AgentRingNoAnswerEvent missed -> later(missed.getUniqueId(), missed.getMemberName(), screens::withdrawn);
            case AgentConnectEvent connected -> {
                later(connected.getUniqueId(), connected.getMemberName(), screens::connected);
                queueChanged(connected.getUniqueId(), "answered");
            }
            case QueueCallerJoinEvent join -> queueChanged(join.getUniqueId(), "queued");
            case QueueCallerAbandonEvent abandon -> queueChanged(abandon.getUniqueId(), "abandoned");
            case QueueCallerLeaveEvent leave -> queueChanged(leave.getUniqueId(), "left");
            default -> { }
        }
    }

    /** The consoles of the caller's team redraw their waiting calls (the team is in the call's context). */
    private void queueChanged(String uniqueId, String status) {
        if (uniqueId == null) {
            return;
        }
        worker.execute(() -> {
            try {
                screens.context(uniqueId).ifPresent(c -> events.publish(new InboxChange("queue", uniqueId, c.team(), null, status, null)));
            } catch (RuntimeException e) {
                log.warn("AMI: the queue change of {} was not told: {}", uniqueId, e.toString());
            }
        });
    }

    private void later(String uniqueId, String member, java.util.function.BiConsumer<String, String> change) {
        // a member that is not one of the hotline's officers (a phone added by hand) has no screen
        if (uniqueId == null || member == null || directory.officer(member).isEmpty()) {
            return;
        }
        worker.execute(() -> {
            try {
                change.accept(uniqueId, member);
            } catch (RuntimeException e) {
                log.warn("AMI: the call screen of {} was not updated: {}", member, e.toString());
            }
        });
    }
}
