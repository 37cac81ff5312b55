package org.hotline.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.caseconnector.delivery.RetryPolicy;
import org.hotline.gateway.channel.ContactChannel;
import org.hotline.gateway.state.JdbcStreamStore;
import org.hotline.gateway.state.StateWrite;
import org.hotline.gateway.state.StreamStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbound queue reads a message's record before sending only when the message may have gone
 * already (queued again by a retried webhook, or read again after a sender died), and sends each
 * message once either way.
 */
class ChatSenderTest {

    /** Backoff of 10–50 ms: a sender's unacknowledged message is another's after 100 ms. */
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1));

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> sentEntries = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();
    private StreamStore streams;

    private final ProviderClient whatsapp = new ProviderClient() {
        @Override
        public boolean sends(ContactChannel channel) {
            return channel == ContactChannel.WHATSAPP;
        }

        @Override
        public String send(OutboundMessage message) {
            sends.incrementAndGet();
            return "SM" + message.entryId();
        }
    };

    /** The conversation's record of its messages, as the delivery reports keep it. */
    private final ChatSender.Results records = new ChatSender.Results() {
        @Override
        public boolean stillToSend(OutboundMessage message) {
            checks.incrementAndGet();
            return !sentEntries.contains(message.entryId());
        }

        @Override
        public void sent(OutboundMessage message, String providerMessageId) {
            sentEntries.add(message.entryId());
        }

        @Override
        public void failed(OutboundMessage message, String reason) {
            throw new AssertionError("not expected to fail: " + reason);
        }
    };

    @BeforeEach
    void localStreams() {
        var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:mem:sender-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).load().migrate();
        streams = new JdbcStreamStore(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource),
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void shouldSendAMessageQueuedOnceWithoutReadingItsRecordFirst() {
        ChatSender sender = sender("one");
        queue(ChatSender.queued(message("e1")));

        await().atMost(Duration.ofSeconds(30)).until(() -> sender.runOnce(10, Duration.ofMillis(200)) > 0 || sends.get() > 0);

        assertThat(sends).hasValue(1);
        assertThat(checks).as("a first read of a message queued once cannot have gone").hasValue(0);
        assertThat(streams.pendingCount(ChatSender.STREAM, ChatSender.GROUP)).as("acknowledged").isZero();
    }

    @Test
    void shouldCheckAMessageQueuedAgainAndNotSendItTwice() {
        ChatSender sender = sender("one");
        OutboundMessage reply = message("e1");
        queue(ChatSender.queued(reply));
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.runOnce(10, Duration.ofMillis(200)) > 0 || sends.get() > 0);

        // a retried webhook finished what its first attempt had saved: the reply is queued again
        queue(ChatSender.queuedAgain(reply));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sender.runOnce(10, Duration.ofMillis(200));
            return streams.pendingCount(ChatSender.STREAM, ChatSender.GROUP) == 0 && checks.get() > 0;
        });

        assertThat(checks).hasValue(1);
        assertThat(sends).as("sent once").hasValue(1);
    }

    @Test
    void shouldCheckAMessageADeadSenderReadAndSendItOnce() {
        queue(ChatSender.queued(message("e2")));
        // a sender read it, sent it, recorded it, and died before acknowledging it
        new ChatSender(streams, List.of(), FAST, JsonMapper.builder().build(), Clock.systemUTC(), executor, "dead");
        assertThat(streams.readNew(ChatSender.STREAM, ChatSender.GROUP, "dead", 10, Duration.ZERO)).hasSize(1);
        sentEntries.add("e2");

        ChatSender alive = sender("alive");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            alive.runOnce(10, Duration.ofMillis(200));
            return streams.pendingCount(ChatSender.STREAM, ChatSender.GROUP) == 0;
        });

        assertThat(checks).as("read again, so checked").hasValue(1);
        assertThat(sends).as("not sent again").hasValue(0);
    }

    private ChatSender sender(String consumer) {
        ChatSender sender = new ChatSender(streams, List.of(whatsapp), FAST, JsonMapper.builder().build(), Clock.systemUTC(), executor, consumer);
        sender.reportTo(records);
        return sender;
    }

    private void queue(StateWrite.Append append) {
        streams.append(append.stream(), append.type(), append.payload());
    }

    private static OutboundMessage message(String entryId) {
        return new OutboundMessage("c1", entryId, ContactChannel.WHATSAPP, "whatsapp:+359880000301", "whatsapp:+359884602185",
                "Please reply with the number", List.of(), false, null, null);
    }
}
