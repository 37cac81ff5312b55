package org.hotline.gateway.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.caseconnector.crypto.PiiCipher;
import org.hotline.caseconnector.delivery.DeliveryLoop;
import org.hotline.caseconnector.delivery.RetryPolicy;
import org.hotline.gateway.cases.ReferralOutbox;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.scripts.PromptRenderer;
import org.hotline.gateway.state.DedupeStore;
import org.hotline.gateway.state.LockManager;
import org.hotline.gateway.state.SessionStore;
import org.hotline.gateway.state.StreamStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messaging: the inbound pipeline as a Spring Integration flow (webhook → the person's conversation,
 * where the event is deduplicated and the flow engine answers or the message goes to the team's
 * inbox), the durable outbound queue. The providers (each in a package of its own) register their
 * clients and webhooks themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
class ChatConfiguration {

    /**
     * Webhook → the person's conversation; its answer goes back to the webhook. Retries are processed
     * once: the conversation marks a person's message with their lock, in the same round trip
     * ({@link ConversationService#handle}), rather than in a filter of its own before it.
     */
    @Bean
    IntegrationFlow chatInbound(ChatDedupe dedupe, ConversationService conversations) {
        return IntegrationFlow.from(ChatGateway.CHANNEL)
                .handle(new ConversationStep(dedupe, conversations), handler -> handler.id("chatInbound.conversation"))
                .get();
    }

    /** The flow's entrance, for the webhooks. */
    @Bean
    ChatFlowEntrance chatGateway() {
        ChatFlowEntrance gateway = new ChatFlowEntrance();
        gateway.setRequestChannelName(ChatGateway.CHANNEL);
        return gateway;
    }

    @Bean
    ChatDedupe chatDedupe(DedupeStore dedupe, org.hotline.caseconnector.crypto.PiiCipher cipher) {
        return new ChatDedupe(dedupe, cipher);
    }

    @Bean
    ConversationHandover conversationHandover(ConversationService conversations, org.hotline.gateway.config.HotlineDirectory directory,
                                              org.hotline.gateway.audit.AuditTrail audit) {
        return new ConversationHandover(conversations, directory, audit);
    }

    @Bean
    ConversationReferrals conversationReferrals(ConversationService conversations, org.hotline.gateway.cases.OfficerReferrals referrals,
                                                java.time.Clock clock) {
        return new ConversationReferrals(conversations, referrals, clock);
    }

    @Bean
    Inbox inbox(ConversationStore store) {
        return new Inbox(store);
    }

    @Bean
    ConversationStore conversationStore(SessionStore store, LockManager locks, org.hotline.gateway.state.LockedSessions lockedSessions,
                                        PiiCipher cipher, JsonMapper json) {
        return new ConversationStore(store, locks, lockedSessions, cipher, json);
    }

    @Bean
    InboxEvents inboxEvents() {
        return new InboxEvents();
    }

    @Bean(destroyMethod = "close")
    ExecutorService chatExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    MediaFetcher mediaFetcher(List<ProviderClient> providers) {
        // the providers' tokens are redacted from every log line from here on
        providers.forEach(provider -> org.hotline.gateway.security.LogSecrets.register(provider.secrets()));
        return new MediaFetcher(providers);
    }

    @Bean
    ChatSender chatSender(StreamStore streams, List<ProviderClient> providers, ChatSettings settings, JsonMapper json,
                          ExecutorService chatExecutor) {
        // backoff is measured in real time, whatever clock the hotline's business runs on
        return new ChatSender(streams, providers, new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), settings.sendHorizon()),
                json, Clock.systemUTC(), chatExecutor, "gateway-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    ConversationService conversationService(org.hotline.gateway.contact.ContactRunner contacts, ConversationStore store, PromptRenderer prompts,
                                        RoutingService routing, HotlineDirectory directory, ReferralOutbox outbox, ChatSender sender,
                                        InboxEvents inbox, ChatSettings settings, Clock clock, ChatDedupe dedupe) {
        ConversationService conversations = new ConversationService(contacts, store, new ChatText(prompts, contacts.flow().officerKey()), routing,
                directory, outbox, sender, inbox, settings, clock, dedupe);
        sender.reportTo(conversations.deliveries());
        return conversations;
    }

    @Bean
    ChatAssignments chatAssignments(ConversationService conversations, ExecutorService chatExecutor) {
        return new ChatAssignments(conversations, chatExecutor);
    }

    @Bean
    DeliveryLoop chatSendLoop(ChatSender sender, LockManager locks) {
        return new DeliveryLoop("chat-sender",
                // a blocking read returns as soon as a reply is queued; a longer one costs Redis fewer reads
                () -> sender.runWhileLeading(locks, Duration.ofSeconds(1), 100, Duration.ofMillis(500)), true);
    }

    /** Several instances on Redis: inbox changes reach the officers connected to any of them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hotline.state.store", havingValue = "redis")
    static class RedisInbox {
        @Bean
        RedisMessageListenerContainer inboxRelay(RedisConnectionFactory connections, StringRedisTemplate redis, InboxEvents events,
                                                 JsonMapper json) {
            RedisInboxRelay relay = new RedisInboxRelay(events, redis, json);
            RedisMessageListenerContainer container = new RedisMessageListenerContainer();
            container.setConnectionFactory(connections);
            // one virtual thread per relayed change, not a new platform thread
            var relayThreads = new org.springframework.core.task.SimpleAsyncTaskExecutor("inbox-relay-");
            relayThreads.setVirtualThreads(true);
            container.setTaskExecutor(relayThreads);
            container.addMessageListener(relay, new ChannelTopic(RedisInboxRelay.CHANNEL));
            events.relayThrough(relay);
            return container;
        }
    }
}
