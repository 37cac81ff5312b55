package org.hotline.gateway.voice.twilio;

import org.hotline.gateway.twilio.TwilioSettings;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.type.Endpoint;
import java.util.concurrent.ExecutorService;
import org.hotline.gateway.config.HotlineDirectory;
import org.hotline.gateway.flow.Channel;
import org.hotline.gateway.routing.RoutingEvent;
import org.hotline.gateway.routing.RoutingService;
import org.hotline.gateway.state.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * When routing offers a Twilio caller to an officer, calls the officer (their Twilio Client
 * identity, else their phone) through the REST API; their call first whispers who is waiting,
 * then bridges with {@code <Dial><Queue>}. A call that cannot be placed counts as unanswered, so
 * routing tries the next officer at once.
 */
public class OfficerDialer {

    private static final Logger log = LoggerFactory.getLogger(OfficerDialer.class);

    private final TwilioRestClient client;
    private final TwilioSettings settings;
    private final HotlineDirectory directory;
    private final RoutingService routing;
    private final SessionStore store;
    private final String publicBaseUrl;
    private final ExecutorService executor;

    public OfficerDialer(TwilioRestClient client, TwilioSettings settings, HotlineDirectory directory, RoutingService routing,
                         SessionStore store, String publicBaseUrl, ExecutorService executor) {
        this.client = client;
        this.settings = settings;
        this.directory = directory;
        this.routing = routing;
        this.store = store;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/$", "");
        this.executor = executor;
    }

    @EventListener
    public void on(RoutingEvent.OfferMade offer) {
        // only callers on Twilio: Asterisk and chat contacts are offered by their own channels
        if (offer.channel() == Channel.VOICE && store.get("voice:" + offer.contactId()).isPresent()) {
            executor.execute(() -> dial(offer));
        }
    }

    void dial(RoutingEvent.OfferMade offer) {
        Endpoint to = directory.officer(offer.officerId()).flatMap(o -> OutboundLegs.endpoint(o.reach())).orElse(null);
        if (to == null) {
            routing.noAnswer(offer.contactId(), offer.officerId(), "not reachable on Twilio");
            return;
        }
        String query = "call=" + offer.contactId() + "&officer=" + OutboundLegs.enc(offer.officerId());
        try {
            OutboundLegs.place(client, to, settings.callerId(),
                    publicBaseUrl + TwimlRenderer.BASE + "/officer?" + query + "&language=" + OutboundLegs.enc(offer.language())
                            + "&topic=" + OutboundLegs.enc(String.valueOf(offer.topic())) + "&urgent=" + offer.urgent(),
                    directory.config().routing().ringTimeout(), publicBaseUrl + TwimlRenderer.BASE + "/officer-status?" + query);
        } catch (ApiException | com.twilio.exception.ApiConnectionException e) {
            log.warn("could not call officer {} for call {}: {}", offer.officerId(), offer.contactId(), e.getMessage());
            routing.noAnswer(offer.contactId(), offer.officerId(), "call failed");
        }
    }
}
