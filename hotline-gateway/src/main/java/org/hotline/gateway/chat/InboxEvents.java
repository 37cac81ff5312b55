package org.hotline.gateway.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of inbox changes, each to the signed-in officers and supervisors who may see
 * the conversation. With several gateway instances a change is relayed through the state store
 * (Redis publish/subscribe), so an officer connected to one instance sees what another did.
 * Changes are not stored for replay: a console that reconnects reloads the inbox.
 */
public class InboxEvents {

    private record Subscriber(SseEmitter emitter, Predicate<InboxChange> sees) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<InboxChange> relay = this::deliver;

    /** From now on changes go through {@code relay}, which brings them back to {@link #deliver} on every instance. */
    public void relayThrough(java.util.function.Consumer<InboxChange> relay) {
        this.relay = relay;
    }

    public SseEmitter subscribe(Predicate<InboxChange> sees, Duration timeout) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, sees);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            emitter.send(SseEmitter.event().name("ready").data("{}"));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    public void publish(InboxChange change) {
        relay.accept(change);
    }

    /** To this instance's subscribers. */
    public void deliver(InboxChange change) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.sees().test(change)) {
                continue;
            }
            try {
                synchronized (subscriber.emitter()) {
                    subscriber.emitter().send(SseEmitter.event().name(change.kind()).data(change));
                }
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
    }

    /**
     * The gateway is stopping: every stream ends now (consoles reconnect to another instance), so
     * graceful shutdown does not wait out open event streams.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    public void closeAll() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().complete();
            } catch (IllegalStateException e) {
                // already over
            }
        }
        subscribers.clear();
    }

    public int subscribers() {
        return subscribers.size();
    }
}
