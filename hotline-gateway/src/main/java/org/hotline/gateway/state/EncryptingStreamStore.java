package org.hotline.gateway.state;

import java.time.Duration;
import java.util.List;
import org.hotline.caseconnector.crypto.PiiCipher;

/** Outbox payloads (referrals, call records) carry contacts and answers: stored encrypted, sealed to their stream and type. */
public final class EncryptingStreamStore implements StreamStore {

    private final StreamStore delegate;
    private final PiiCipher cipher;

    public EncryptingStreamStore(StreamStore delegate, PiiCipher cipher) {
        this.delegate = delegate;
        this.cipher = cipher;
    }

    @Override
    public String append(String stream, String type, String payload) {
        return delegate.append(stream, type, cipher.encrypt(payload, PiiCipher.streamContext(stream, type)));
    }

    @Override
    public void ensureGroup(String stream, String group) {
        delegate.ensureGroup(stream, group);
    }

    @Override
    public List<StreamEntry> readNew(String stream, String group, String consumer, int max, Duration block) {
        return decrypt(stream, delegate.readNew(stream, group, consumer, max, block));
    }

    @Override
    public List<StreamEntry> claimStale(String stream, String group, String consumer, Duration minIdle, int max) {
        return decrypt(stream, delegate.claimStale(stream, group, consumer, minIdle, max));
    }

    @Override
    public void ack(String stream, String group, String id) {
        delegate.ack(stream, group, id);
    }

    @Override
    public void ack(String stream, String group, List<String> ids) {
        delegate.ack(stream, group, ids);
    }

    @Override
    public long pendingCount(String stream, String group) {
        return delegate.pendingCount(stream, group);
    }

    @Override
    public List<StreamEntry> recent(String stream, int max) {
        return decrypt(stream, delegate.recent(stream, max));
    }

    @Override
    public void trim(String stream, long maxLength) {
        delegate.trim(stream, maxLength);
    }

    @Override
    public void delete(String stream, String id) {
        delegate.delete(stream, id);
    }

    @Override
    public long purgeDelivered(String stream, String group, long beforeMillis) {
        return delegate.purgeDelivered(stream, group, beforeMillis);
    }

    @Override
    public long length(String stream) {
        return delegate.length(stream);
    }

    private List<StreamEntry> decrypt(String stream, List<StreamEntry> entries) {
        return entries.stream()
                .map(e -> new StreamEntry(e.id(), e.type(), cipher.decrypt(e.payload(), PiiCipher.streamContext(stream, e.type())),
                        e.deliveries()))
                .toList();
    }
}
