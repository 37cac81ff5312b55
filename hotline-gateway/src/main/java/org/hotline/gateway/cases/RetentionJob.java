package org.hotline.gateway.cases;

import org.hotline.caseconnector.config.CaseStoreSettings;

import java.time.Clock;
import java.time.Instant;
import org.hotline.caseconnector.store.local.LocalCaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps personal data no longer than configured: delivered outbox entries and local store records
 * past their age are removed every hour, and each purge is logged as a count. Undelivered entries
 * are never purged, however old.
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final StreamOutboxSource outbox;
    private final LocalCaseStore local;
    private final CaseStoreSettings.Retention retention;
    private final Clock clock;

    public RetentionJob(StreamOutboxSource outbox, LocalCaseStore local, CaseStoreSettings.Retention retention, Clock clock) {
        this.outbox = outbox;
        this.local = local;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hotline.case-store.retention.every:1h}", initialDelayString = "${hotline.case-store.retention.first:1m}")
    public void purge() {
        Instant now = clock.instant();
        long entries = outbox.purgeDelivered(now.minus(retention.outbox()).toEpochMilli());
        LocalCaseStore.Purged records = local.purgeReceivedBefore(now.minus(retention.local()));
        log.info("retention: purged {} delivered outbox entries older than {}, {} referrals and {} call records older than {}",
                entries, retention.outbox(), records.referrals(), records.callRecords(), retention.local());
    }
}
