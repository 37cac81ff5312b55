package org.hotline.gateway.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of inbox changes, each to the signed-in officers and supervisors who may see
 * the conversation. Changes are not stored for replay: a console that reconnects reloads the inbox.
 */
public class InboxEvents {

    private record Subscriber(SseEmitter emitter, Predicate<InboxChange> sees) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

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

    public int subscribers() {
        return subscribers.size();
    }
}
