package org.hotline.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbox changes between gateway instances sharing Redis: this instance's officers get a change at
 * once; the other instances through one publish per batch, sent off the request's path by a
 * thread of its own (under load a batch holds many changes, so the relay costs Redis little).
 * Changes carry ids and states only, never a message or an address: nothing to encrypt.
 */
public class RedisInboxRelay implements Consumer<InboxChange>, MessageListener {

    static final String CHANNEL = "hotline:inbox";
    private static final Logger log = LoggerFactory.getLogger(RedisInboxRelay.class);

    private final String instance = UUID.randomUUID().toString();
    private final LinkedBlockingQueue<InboxChange> outgoing = new LinkedBlockingQueue<>(100_000);
    private final InboxEvents events;
    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisInboxRelay(InboxEvents events, StringRedisTemplate redis, JsonMapper json) {
        this.events = events;
        this.redis = redis;
        this.json = json;
        Thread.ofVirtual().name("inbox-relay").start(this::publishLoop);
    }

    @Override
    public void accept(InboxChange change) {
        events.deliver(change);
        if (!outgoing.offer(change)) {
            log.warn("inbox relay is behind; a change is shown on this instance only");
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String text = new String(message.getBody(), StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        if (space > 0 && !text.substring(0, space).equals(instance)) {
            json.readValue(text.substring(space + 1), new TypeReference<List<InboxChange>>() {}).forEach(events::deliver);
        }
    }

    private void publishLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<InboxChange> batch = new ArrayList<>();
                batch.add(outgoing.take());
                outgoing.drainTo(batch, 999);
                redis.convertAndSend(CHANNEL, instance + " " + json.writeValueAsString(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("inbox changes not relayed to the other instances: {}", e.toString());
            }
        }
    }
}
