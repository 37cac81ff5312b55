package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwilioSettings;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Recording;
import org.hotline.gateway.calllog.ReferralDelivered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * With {@code hotline.twilio.delete-recordings-after-delivery}, a voicemail is deleted from Twilio
 * once the case store confirmed the referral that carries it: the recording then lives in one place.
 */
public class RecordingJanitor {

    private static final Logger log = LoggerFactory.getLogger(RecordingJanitor.class);

    private final TwilioRestClient client;
    private final TwilioSettings settings;

    public RecordingJanitor(TwilioRestClient client, TwilioSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @EventListener
    public void on(ReferralDelivered delivered) {
        String sid = delivered.recordingRef();
        if (!settings.deleteRecordingsAfterDelivery() || sid == null || !sid.startsWith("RE")) {
            return;
        }
        try {
            Recording.deleter(sid).delete(client);
            log.info("deleted recording {} from Twilio after referral {} was delivered", sid, delivered.referralId());
        } catch (ApiException e) {
            // a recording already gone is what we wanted; anything else is kept for the operator to see
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                return;
            }
            log.warn("could not delete recording {} from Twilio: {}", sid, e.getMessage());
        }
    }
}
