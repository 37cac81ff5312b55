package org.hotline.caseconnector.store.local;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.caseconnector.model.CallSummary;
import org.hotline.caseconnector.model.Referral;
import org.hotline.caseconnector.store.CaseStore;
import org.hotline.caseconnector.store.FieldCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded case store: referrals, call records and each referral's status history in a local
 * database (H2 in a file by default, PostgreSQL by a JDBC URL), personal fields encrypted. An item
 * delivered twice is stored once: the id is the primary key.
 */
public class LocalCaseStore implements CaseStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FieldCipher cipher;
    private final Clock clock;

    public LocalCaseStore(JdbcClient jdbc, TransactionTemplate transactions, FieldCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String deliver(Referral referral) {
        ReferralRow row = LocalRowMapper.INSTANCE.toRow(referral, new LocalRowMapper.RowCipher(cipher, "referral", referral.id()));
        Timestamp now = Timestamp.from(clock.instant());
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("""
                        INSERT INTO referral (id, kind, topic, urgency, team, language, channel, contact_enc, callback_enc,
                            safe_to_call_back, consent_share, consent_services, consent_source, consent_step, consent_officer,
                            consent_at, consent_note_enc, answers_enc, recording_ref, recording_url,
                            transcript_ref, created_by, created_at, received_at, status)
                        VALUES (:id, :kind, :topic, :urgency, :team, :language, :channel, :contactEnc, :callbackEnc,
                            :safeToCallBack, :consentShare, :consentServices, :consentSource, :consentStep, :consentOfficer,
                            :consentAt, :consentNoteEnc, :answersEnc, :recordingRef, :recordingUrl,
                            :transcriptRef, :createdBy, :createdAt, :receivedAt, 'new')""")
                        .params(columns(row, now)).update();
                jdbc.sql("INSERT INTO referral_status (referral_id, status, changed_at, note) VALUES (?, 'new', ?, ?)")
                        .params(row.id(), now, "received from " + row.createdBy()).update();
            });
        } catch (DuplicateKeyException alreadyThere) {
            // delivered before (a retry after a crash, say): it is stored once
        }
        return referral.id();
    }

    private static java.util.Map<String, Object> columns(ReferralRow row, Timestamp receivedAt) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("id", row.id());
        values.put("kind", row.kind());
        values.put("topic", row.topic());
        values.put("urgency", row.urgency());
        values.put("team", row.team());
        values.put("language", row.language());
        values.put("channel", row.channel());
        values.put("contactEnc", row.contactEnc());
        values.put("callbackEnc", row.callbackEnc());
        values.put("safeToCallBack", row.safeToCallBack());
        values.put("consentShare", row.consentShare());
        values.put("consentServices", row.consentServices());
        values.put("consentSource", row.consentSource());
        values.put("consentStep", row.consentStep());
        values.put("consentOfficer", row.consentOfficer());
        values.put("consentAt", row.consentAt() == null ? null : Timestamp.from(row.consentAt()));
        values.put("consentNoteEnc", row.consentNoteEnc());
        values.put("answersEnc", row.answersEnc());
        values.put("recordingRef", row.recordingRef());
        values.put("recordingUrl", row.recordingUrl());
        values.put("transcriptRef", row.transcriptRef());
        values.put("createdBy", row.createdBy());
        values.put("createdAt", Timestamp.from(row.createdAt()));
        values.put("receivedAt", receivedAt);
        return values;
    }

    @Override
    public void deliver(CallSummary call) {
        try {
            jdbc.sql("""
                    INSERT INTO call_record (id, channel, contact_enc, language, topic, team, path, started_at, ended_at,
                        queue_wait_seconds, officer_id, talk_time_seconds, outcome, closing, referral_ids, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(call.id(), call.channel(), call.contact() == null ? null
                                    : cipher.encrypt(call.contact(), LocalRowMapper.context("call_record", call.id(), "contact")), call.language(),
                            call.topic(), call.team(), String.join(" > ", call.path()), Timestamp.from(call.startedAt()),
                            call.endedAt() == null ? null : Timestamp.from(call.endedAt()), call.queueWaitSeconds(), call.officerId(),
                            call.talkTimeSeconds(), call.outcome(), call.closing(), String.join(",", call.referralIds()), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException alreadyThere) {
            // stored once
        }
    }

    /**
     * A referral as the API shows it; the contact is decrypted here and masked by the caller.
     * {@code consentSource}: where the answer about a safe callback came from (caller or officer), or null.
     */
    public record StoredReferral(String id, String kind, String topic, String urgency, String team, String language, String channel,
                                 String contact, String callbackNumber, String safeToCallBack, String consentSource,
                                 String consentStep, String consentOfficer, Instant consentAt, String recordingRef,
                                 String createdBy, Instant createdAt, String status) {}

    public List<StoredReferral> recent(int limit) {
        return jdbc.sql(SELECT_REFERRAL + " ORDER BY received_at DESC, id LIMIT ?").param(limit).query(this::referral).list();
    }

    public Optional<StoredReferral> find(String id) {
        return jdbc.sql(SELECT_REFERRAL + " WHERE id = ?").param(id).query(this::referral).optional();
    }

    private static final String SELECT_REFERRAL = """
            SELECT id, kind, topic, urgency, team, language, channel, contact_enc, callback_enc, safe_to_call_back,
                   consent_source, consent_step, consent_officer, consent_at, recording_ref, created_by, created_at, status
            FROM referral""";

    private StoredReferral referral(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String id = rs.getString("id");
        return new StoredReferral(id, rs.getString("kind"), rs.getString("topic"),
                rs.getString("urgency"), rs.getString("team"), rs.getString("language"), rs.getString("channel"),
                decrypt(rs.getString("contact_enc"), id, "contact"), decrypt(rs.getString("callback_enc"), id, "callback"),
                rs.getString("safe_to_call_back"), rs.getString("consent_source"), rs.getString("consent_step"),
                rs.getString("consent_officer"), rs.getTimestamp("consent_at") == null ? null : rs.getTimestamp("consent_at").toInstant(),
                rs.getString("recording_ref"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("status"));
    }

    /** Retention: removes referrals (with their status history) and call records received before {@code cutoff}. */
    public record Purged(long referrals, long callRecords) {}

    public Purged purgeReceivedBefore(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        return transactions.execute(tx -> {
            jdbc.sql("DELETE FROM referral_status WHERE referral_id IN (SELECT id FROM referral WHERE received_at < ?)").param(before).update();
            long referrals = jdbc.sql("DELETE FROM referral WHERE received_at < ?").param(before).update();
            long calls = jdbc.sql("DELETE FROM call_record WHERE received_at < ?").param(before).update();
            return new Purged(referrals, calls);
        });
    }

    public long count(String table) {
        if (!List.of("referral", "call_record", "referral_status").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private String decrypt(String value, String id, String column) {
        return value == null ? null : cipher.decrypt(value, LocalRowMapper.context("referral", id, column));
    }
}
