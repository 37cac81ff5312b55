package org.hotline.gateway.chat;

import org.springframework.messaging.MessagingException;

/**
 * The {@link ChatGateway} as a Spring Integration messaging gateway: the event goes to the
 * {@code chatInbound} flow's channel and its receipt comes back. A subclass of the framework's
 * gateway rather than an annotated interface: the interface's proxy looks the method's metadata up,
 * then calls through an AOP invocation and reflection on every webhook, for a single method.
 */
final class ChatFlowEntrance extends org.springframework.integration.gateway.MessagingGatewaySupport implements ChatGateway {

    @Override
    public ChatReceipt accept(ChatEvent event) {
        try {
            return (ChatReceipt) sendAndReceive(event);
        } catch (MessagingException e) {
            throw cause(e);
        }
    }

    /**
     * What failed, as the flow's step threw it (the webhooks answer by its type), the way the
     * annotated gateway unwraps it: the first cause that is not the framework's own wrapper.
     */
    private static RuntimeException cause(MessagingException wrapped) {
        for (Throwable t = wrapped.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RuntimeException runtime && !(t instanceof MessagingException)) {
                return runtime;
            }
        }
        return wrapped;
    }
}
