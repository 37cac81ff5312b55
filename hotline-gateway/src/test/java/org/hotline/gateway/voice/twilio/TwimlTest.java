package org.hotline.gateway.voice.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.gateway.testing.Twiml;
import org.junit.jupiter.api.Test;

/** The gateway's own TwiML writer: what it writes parses as XML and says exactly what was given. */
class TwimlTest {

    @Test
    void shouldEscapeWhatXmlGivesMeaningToAndDropWhatItDoesNotAllow() {
        String said = "Tom & Jerry <say> \"quoted\" 'single' \u0007bell\ttab";
        String xml = org.hotline.gateway.voice.twilio.Twiml.response()
                .add(org.hotline.gateway.voice.twilio.Twiml.element("Say").attribute("language", "bg-BG").attribute("voice", null).text(said))
                .add(org.hotline.gateway.voice.twilio.Twiml.redirect("/webhooks/twilio/voice/gather?silence=true&lang=\"x\"&n=2"))
                .toXml();

        Twiml parsed = Twiml.parse(xml);
        assertThat(parsed.verbs()).containsExactly("Say", "Redirect");
        assertThat(parsed.value("/Response/Say")).isEqualTo("Tom & Jerry <say> \"quoted\" 'single' bell\ttab");
        assertThat(parsed.value("/Response/Say/@language")).isEqualTo("bg-BG");
        assertThat(xml).doesNotContain("voice=");
        assertThat(parsed.value("/Response/Redirect")).isEqualTo("/webhooks/twilio/voice/gather?silence=true&lang=\"x\"&n=2");
        assertThat(parsed.value("/Response/Redirect/@method")).isEqualTo("POST");
    }

    @Test
    void shouldWriteAnEmptyElementShort() {
        assertThat(org.hotline.gateway.voice.twilio.Twiml.response().add(org.hotline.gateway.voice.twilio.Twiml.hangup()).toXml())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
        assertThat(org.hotline.gateway.voice.twilio.Twiml.response().toXml()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    }
}
