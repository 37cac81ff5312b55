package org.hotline.caseconnector.config;

import java.time.Clock;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.hrm.HrmCaseStore;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.caseconnector.store.primero.PrimeroCaseStore;
import org.hotline.caseconnector.store.primero.PrimeroMapper;
import org.hotline.caseconnector.store.webhook.WebhookCaseStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case store {@code hotline.case-store.adapter} names, built from its settings; incomplete or
 * unsafe settings (a plain-http URL, a short webhook secret) stop start-up, naming the setting.
 */
public final class CaseStores {

    /** HMAC-SHA256 keys shorter than its block of output can be guessed faster than they should. */
    static final int MIN_SECRET_BYTES = 32;

    private CaseStores() {}

    public static CaseStore create(CaseStoreSettings settings, LocalCaseStore local, JsonMapper json, Clock clock) {
        return switch (settings.adapter()) {
            case "local" -> local;
            case "webhook" -> {
                if (settings.webhook().url() == null) {
                    throw new IllegalStateException("hotline.case-store.adapter=webhook needs hotline.case-store.webhook.url (HOTLINE_CASE_WEBHOOK_URL)");
                }
                secure(settings, "hotline.case-store.webhook.url (HOTLINE_CASE_WEBHOOK_URL)", settings.webhook().url());
                String secret = settings.webhook().secret();
                require(secret != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES,
                        "hotline.case-store.webhook.secret (HOTLINE_CASE_WEBHOOK_SECRET) must be at least " + MIN_SECRET_BYTES
                                + " bytes (make one with: openssl rand -base64 48)");
                yield new WebhookCaseStore(settings.webhook().url(), settings.webhook().secret(), settings.webhook().timeout(), json, clock);
            }
            case "primero" -> {
                var p = settings.primero();
                require(p.url() != null && notBlank(p.user()) && notBlank(p.password()),
                        "hotline.case-store.adapter=primero needs HOTLINE_PRIMERO_URL, HOTLINE_PRIMERO_USER and HOTLINE_PRIMERO_PASSWORD");
                secure(settings, "hotline.case-store.primero.url (HOTLINE_PRIMERO_URL)", p.url());
                var targets = new java.util.HashMap<String, PrimeroMapper.Target>();
                p.targets().forEach((team, t) -> targets.put(team, new PrimeroMapper.Target(t.user(), t.agency(), t.service())));
                var recordings = new org.hotline.caseconnector.store.RecordingFetcher(p.recordingsUser(), p.recordingsPassword(), p.timeout());
                yield new PrimeroCaseStore(p.url(), p.user(), p.password(), p.timeout(), p.moduleId(), targets, recordings, json);
            }
            case "hrm" -> {
                var h = settings.hrm();
                require(h.url() != null && notBlank(h.accountSid()) && notBlank(h.key()),
                        "hotline.case-store.adapter=hrm needs HOTLINE_HRM_URL, HOTLINE_HRM_ACCOUNT_SID and HOTLINE_HRM_KEY");
                secure(settings, "hotline.case-store.hrm.url (HOTLINE_HRM_URL)", h.url());
                yield new HrmCaseStore(h.url(), h.accountSid(), h.key(), h.timeout(), h.definitionVersion(), h.helpline(), h.resources(), json);
            }
            default -> throw new IllegalStateException("unknown case store adapter " + settings.adapter());
        };
    }

    /** Numbers, names and answers go over this connection: TLS, unless explicitly allowed for local testing. */
    private static void secure(CaseStoreSettings settings, String name, java.net.URI url) {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        boolean http = "http".equalsIgnoreCase(url.getScheme());
        require(https || http && settings.allowInsecureHttp(), name + " must be an https URL"
                + (http ? " (set hotline.case-store.allow-insecure-http=true only for a local test store)" : ""));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
