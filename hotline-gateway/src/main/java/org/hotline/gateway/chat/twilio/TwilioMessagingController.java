package org.hotline.gateway.chat.twilio;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hotline.gateway.twilio.TwimlAnswer;
import java.time.Clock;
import java.util.Map;
import org.hotline.gateway.chat.ChatEvent;
import org.hotline.gateway.chat.ChatGateway;
import org.hotline.gateway.chat.ChatWebhook;
import org.hotline.gateway.twilio.TwilioSignatureFilter;
import org.springframework.http.MediaType;
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
    void inbound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioInboundMessage message = TwilioInboundMessage.parse(form(request));
        gateway.accept(new ChatEvent.Received(message.toMessage(clock.instant())));
        TwimlAnswer.write(response, EMPTY);
    }

    @PostMapping(path = "/status", produces = MediaType.APPLICATION_XML_VALUE)
    void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TwilioMessageStatus.parse(form(request)).toEvent().ifPresent(gateway::accept);
        TwimlAnswer.write(response, EMPTY);
    }

    private static Map<String, String> form(HttpServletRequest request) {
        return TwilioSignatureFilter.verifiedForm(request);
    }
}
