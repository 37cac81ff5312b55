package org.hotline.gateway.calllog;

import java.time.Instant;
import java.util.List;
import org.hotline.caseconnector.delivery.OutboxSource;
import java.util.function.Predicate;
import org.hotline.gateway.state.StreamStore;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends each finished call or conversation to the call log (for listings, newest kept) and to the
 * outbox (for the case connector, which delivers it to the case store). Both streams are encrypted.
 */
public class CallLog {

    public static final String LOG_STREAM = "calllog";
    public static final String OUTBOX_STREAM = "outbox";
    public static final String RECORD_TYPE = "call-record";
    private static final int KEEP = 20_000;
    private static final int TRIM_EVERY = 500;
    private static final int FIRST_PAGE = 256;

    private final StreamStore streams;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;
    private int appendsSinceTrim;

    public CallLog(StreamStore streams, JsonMapper json, ApplicationEventPublisher publisher) {
        this.streams = streams;
        this.json = json;
        this.publisher = publisher;
    }

    public void record(CallRecord record) {
        streams.append(OUTBOX_STREAM, OutboxSource.CALL_RECORD, json.writeValueAsString(CallSummaryMapper.INSTANCE.toSummary(record)));
        streams.append(LOG_STREAM, RECORD_TYPE, json.writeValueAsString(record));
        synchronized (this) {
            if (++appendsSinceTrim >= TRIM_EVERY) {
                appendsSinceTrim = 0;
                streams.trim(LOG_STREAM, KEEP);
            }
        }
        publisher.publishEvent(record);
    }

    /**
     * A newer version of a record already written (the officer's notes after the call): the call
     * log shows it instead of the first; the case store, which took the first once, is not sent it
     * again, and nothing is counted twice.
     */
    public void amend(CallRecord record) {
        streams.append(LOG_STREAM, RECORD_TYPE, json.writeValueAsString(record));
    }

    /**
     * The records of contacts that ended at {@code from} or later (the latest version of each), newest
     * first, as far as the log keeps them: read from the newest in growing pages, so a wallboard asking
     * for today does not read the whole log.
     */
    public List<CallRecord> since(Instant from) {
        for (int page = FIRST_PAGE; ; page = Math.min(KEEP, page * 4)) {
            var entries = streams.recent(LOG_STREAM, page);
            List<CallRecord> records = entries.stream().map(entry -> json.readValue(entry.payload(), CallRecord.class)).toList();
            // the log is in the order contacts ended: once the oldest read ended before from, the rest did too
            boolean all = entries.size() < page || page == KEEP || records.getLast().endedAt().isBefore(from);
            if (all) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                return records.stream().filter(record -> seen.add(record.id())).filter(record -> !record.endedAt().isBefore(from)).toList();
            }
        }
    }

    /** The newest records that pass {@code filter}, newest first (the latest version of each), at most {@code limit}. */
    public List<CallRecord> recent(Predicate<CallRecord> filter, int limit) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return streams.recent(LOG_STREAM, KEEP).stream()
                .map(entry -> json.readValue(entry.payload(), CallRecord.class))
                .filter(record -> seen.add(record.id()))
                .filter(filter)
                .limit(limit)
                .toList();
    }
}
