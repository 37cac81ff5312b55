package org.hotline.gateway.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.gateway.calllog.CallRecord;
import org.hotline.gateway.flow.Channel;

/**
 * What a set of contacts (a day's, say) did, counted once for the wallboard and the charts:
 * how they ended, and of those who reached a queue (answered there, or left it) how many were
 * answered within the service level, and the waits of those answered, shortest first.
 */
public record QueueFigures(int answered, int abandonedInMenu, int abandonedInQueue, int voicemails, int answeredInTime,
                           List<Long> answeredWaitSeconds) {

    public static QueueFigures of(List<CallRecord> records, Duration serviceLevel) {
        int answered = 0;
        int inMenu = 0;
        int inQueue = 0;
        int voicemails = 0;
        int inTime = 0;
        List<Long> waits = new ArrayList<>();
        for (CallRecord r : records) {
            switch (r.outcome()) {
                case ANSWERED -> {
                    answered++;
                    waits.add(r.queueWait().toSeconds());
                    if (r.queueWait().compareTo(serviceLevel) <= 0) {
                        inTime++;
                    }
                }
                case ABANDONED_IN_IVR -> inMenu++;
                case ABANDONED_IN_QUEUE -> inQueue++;
                case VOICEMAIL -> voicemails++;
                default -> { }
            }
        }
        waits.sort(Long::compare);
        return new QueueFigures(answered, inMenu, inQueue, voicemails, inTime, List.copyOf(waits));
    }

    /** Every contact that reached an officer's queue: answered there, or left it. */
    public int offered() {
        return answered + abandonedInQueue;
    }

    /** Percent of those offered, one decimal; null when nobody was. */
    public Double percentOfOffered(int count) {
        return offered() == 0 ? null : Math.round(1000.0 * count / offered()) / 10.0;
    }

    public Long averageWaitSeconds() {
        return answeredWaitSeconds.isEmpty() ? null : Math.round(answeredWaitSeconds.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    public Long p90WaitSeconds() {
        return answeredWaitSeconds.isEmpty() ? null : answeredWaitSeconds.get((int) Math.ceil(0.9 * answeredWaitSeconds.size()) - 1);
    }

    /** The channel as reports name it: calls are "voice" whatever the phone system, messengers by name. */
    public static String channelOf(CallRecord record) {
        return record.channel().kind() == Channel.VOICE ? "voice" : record.channel().wireName();
    }
}
