package org.hotline.gateway.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where referrals and call records go ({@code HOTLINE_CASE_STORE}): the embedded local store, or a
 * signed webhook. Retries: first after {@code retryFirst}, doubling up to {@code retryMax}, for up to
 * {@code retryHorizon}; then the item becomes a dead letter.
 */
@Validated
@ConfigurationProperties("hotline.case-store")
public record CaseStoreSettings(
        @DefaultValue("local") @Pattern(regexp = "local|webhook|primero|hrm", message = "must be local, webhook, primero or hrm") String adapter,
        @DefaultValue Webhook webhook,
        @DefaultValue("5s") @NotNull Duration retryFirst,
        @DefaultValue("10m") @NotNull Duration retryMax,
        @DefaultValue("7d") @NotNull Duration retryHorizon,
        @DefaultValue("true") boolean worker) {

    public record Webhook(URI url, String secret, @DefaultValue("10s") Duration timeout) {}
}
