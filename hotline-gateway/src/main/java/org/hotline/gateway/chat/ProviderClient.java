package org.hotline.gateway.chat;

/** Sends a message through one provider's API. */
public interface ProviderClient {

    boolean sends(ChatChannel channel);

    /** Returns the provider's id for the sent message; throws {@link SendException} when it was not sent. */
    String send(OutboundMessage message);

    /** Why a message was not sent: {@code retry} for an outage, a rate limit or a timeout; otherwise a refusal, final. */
    class SendException extends RuntimeException {
        private final boolean retry;

        public SendException(boolean retry, String message) {
            super(message);
            this.retry = retry;
        }

        public boolean retry() {
            return retry;
        }
    }
}
