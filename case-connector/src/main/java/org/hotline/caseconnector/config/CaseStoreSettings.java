package org.hotline.caseconnector.config;

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
 * {@code retryHorizon}; then the item becomes a dead letter. A remote store is reached over https
 * only: {@code allowInsecureHttp} lets a test or a store on the same host use plain http.
 */
@Validated
@ConfigurationProperties("hotline.case-store")
public record CaseStoreSettings(
        @DefaultValue("local") @Pattern(regexp = "local|webhook|primero|hrm", message = "must be local, webhook, primero or hrm") String adapter,
        @DefaultValue Webhook webhook,
        @DefaultValue Primero primero,
        @DefaultValue Hrm hrm,
        @DefaultValue("5s") @NotNull Duration retryFirst,
        @DefaultValue("10m") @NotNull Duration retryMax,
        @DefaultValue("7d") @NotNull Duration retryHorizon,
        @DefaultValue("true") boolean worker,
        @DefaultValue Retention retention,
        @DefaultValue("false") boolean allowInsecureHttp) {

    /**
     * How long delivered outbox entries ({@code outbox}; 0 deletes each as soon as the store
     * confirmed it) and local store records ({@code local}) are kept.
     */
    public record Retention(@DefaultValue("30d") Duration outbox, @DefaultValue("365d") Duration local) {}


    public record Webhook(URI url, String secret, @DefaultValue("10s") Duration timeout) {}

    /**
     * Primero v2: a dedicated API user; per team, the Primero user (or outside agency) referrals go
     * to; the credentials that fetch voicemails for attachment (Twilio's account SID and auth token).
     */
    public record Primero(URI url, String user, String password, @DefaultValue("10s") Duration timeout,
                          @DefaultValue("primeromodule-cp") String moduleId, java.util.Map<String, Target> targets,
                          String recordingsUser, String recordingsPassword) {
        public Primero {
            targets = targets == null ? java.util.Map.of() : java.util.Map.copyOf(targets);
        }

        public record Target(String user, String agency, String service) {}
    }

    /** Aselo HRM internal API: the account and its static key; per team, the resource a referral names. */
    public record Hrm(URI url, String accountSid, String key, @DefaultValue("10s") Duration timeout,
                      @DefaultValue("v1") String definitionVersion, String helpline, java.util.Map<String, String> resources) {
        public Hrm {
            resources = resources == null ? java.util.Map.of() : java.util.Map.copyOf(resources);
        }
    }
}
