package org.hotline.gateway.chat.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.hotline.gateway.chat.ChatEvent;
import org.hotline.gateway.chat.ChatGateway;
import org.hotline.gateway.chat.ChatWebhook;
import org.hotline.gateway.twilio.TwilioSignatureFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Messaging (WhatsApp and SMS): inbound messages and the status callbacks of sent ones.
 * The signature filter has checked the request; the answer is an empty TwiML response once the
 * event is saved (replies go through the REST API, from the durable queue).
 */
@RestController
@ChatWebhook
@RequestMapping("/webhooks/twilio/messaging")
class TwilioMessagingController {

    private static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final ChatGateway gateway;
    private final Clock clock;

    TwilioMessagingController(ChatGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @PostMapping(produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request) {
        TwilioInboundMessage message = TwilioInboundMessage.parse(form(request));
        gateway.accept(new ChatEvent.Received(message.toMessage(clock.instant())));
        return ResponseEntity.ok(EMPTY);
    }

    @PostMapping(path = "/status", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> status(HttpServletRequest request) {
        TwilioMessageStatus.parse(form(request)).toEvent().ifPresent(gateway::accept);
        return ResponseEntity.ok(EMPTY);
    }

    private static Map<String, String> form(HttpServletRequest request) {
        return TwilioSignatureFilter.verifiedForm(request);
    }
}
