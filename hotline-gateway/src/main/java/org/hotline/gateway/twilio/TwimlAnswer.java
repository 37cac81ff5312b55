package org.hotline.gateway.twilio;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Twilio webhook's answer, written straight to the response: a handler that takes the response
 * and returns nothing skips Spring MVC's return-value handling (handler selection, content
 * negotiation against the Accept header, message converters), which cost a webhook more than
 * writing the few hundred bytes of TwiML it answers with.
 */
public final class TwimlAnswer {

    private static final String XML = "application/xml;charset=UTF-8";

    private TwimlAnswer() {}

    public static void write(HttpServletResponse response, String twiml) throws IOException {
        byte[] body = twiml.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(XML);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
