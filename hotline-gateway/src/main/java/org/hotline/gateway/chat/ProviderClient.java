package org.hotline.gateway.chat;

import org.hotline.gateway.channel.ContactChannel;

/** Sends a message through one provider's API. */
public interface ProviderClient {

    boolean sends(ContactChannel channel);

    /** Returns the provider's id for the sent message; throws {@link SendException} when it was not sent. */
    String send(OutboundMessage message);

    /** The values of this provider that must never reach a log line (tokens, secrets): redacted wherever they appear. */
    default java.util.Set<String> secrets() {
        return java.util.Set.of();
    }

    /**
     * Where to fetch a file a person sent through this provider, with the provider's own
     * authentication; empty when the reference is not this provider's (a plain public link is
     * fetched as it is).
     */
    default java.util.Optional<MediaFetcher.Source> mediaSource(MediaRef media) {
        return java.util.Optional.empty();
    }

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
