package org.hotline.caseconnector.config;

import java.time.Clock;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.hrm.HrmCaseStore;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.hotline.caseconnector.store.primero.PrimeroCaseStore;
import org.hotline.caseconnector.store.primero.PrimeroMapper;
import org.hotline.caseconnector.store.webhook.WebhookCaseStore;
import tools.jackson.databind.json.JsonMapper;

/** The case store {@code hotline.case-store.adapter} names, built from its settings; incomplete settings stop start-up. */
public final class CaseStores {

    private CaseStores() {}

    public static CaseStore create(CaseStoreSettings settings, LocalCaseStore local, JsonMapper json, Clock clock) {
        return switch (settings.adapter()) {
            case "local" -> local;
            case "webhook" -> {
                if (settings.webhook().url() == null) {
                    throw new IllegalStateException("hotline.case-store.adapter=webhook needs hotline.case-store.webhook.url (HOTLINE_CASE_WEBHOOK_URL)");
                }
                yield new WebhookCaseStore(settings.webhook().url(), settings.webhook().secret(), settings.webhook().timeout(), json, clock);
            }
            case "primero" -> {
                var p = settings.primero();
                require(p.url() != null && notBlank(p.user()) && notBlank(p.password()),
                        "hotline.case-store.adapter=primero needs HOTLINE_PRIMERO_URL, HOTLINE_PRIMERO_USER and HOTLINE_PRIMERO_PASSWORD");
                var targets = new java.util.HashMap<String, PrimeroMapper.Target>();
                p.targets().forEach((team, t) -> targets.put(team, new PrimeroMapper.Target(t.user(), t.agency(), t.service())));
                var recordings = new org.hotline.caseconnector.store.RecordingFetcher(p.recordingsUser(), p.recordingsPassword(), p.timeout());
                yield new PrimeroCaseStore(p.url(), p.user(), p.password(), p.timeout(), p.moduleId(), targets, recordings, json);
            }
            case "hrm" -> {
                var h = settings.hrm();
                require(h.url() != null && notBlank(h.accountSid()) && notBlank(h.key()),
                        "hotline.case-store.adapter=hrm needs HOTLINE_HRM_URL, HOTLINE_HRM_ACCOUNT_SID and HOTLINE_HRM_KEY");
                yield new HrmCaseStore(h.url(), h.accountSid(), h.key(), h.timeout(), h.definitionVersion(), h.helpline(), h.resources(), json);
            }
            default -> throw new IllegalStateException("unknown case store adapter " + settings.adapter());
        };
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
