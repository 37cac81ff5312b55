package org.hotline.gateway.voice.twilio;

import java.util.ArrayList;
import java.util.List;

/**
 * TwiML as the gateway writes it: an element with attributes in order, and text or child elements;
 * one writer escapes what XML requires. Small on purpose (mailroom does the same): the SDK's builders
 * build a DOM and run an XSLT transformer for every answer.
 *
 * @see <a href="https://www.twilio.com/docs/voice/twiml">TwiML for Programmable Voice</a>
 */
public final class Twiml {

    private final String name;
    private final List<String[]> attributes = new ArrayList<>(4);
    private final List<Twiml> children = new ArrayList<>(4);
    private String text;

    private Twiml(String name) {
        this.name = name;
    }

    /** TwiML already written by {@link #toXml} of other elements (a cached piece), put in as it is. */
    public static Twiml written(String xml) {
        return new Twiml(null).text(xml);
    }

    /** The root every answer has. */
    public static Twiml response() {
        return new Twiml("Response");
    }

    /** A verb or noun such as {@code Say}, {@code Gather}, {@code Number}. */
    public static Twiml element(String name) {
        return new Twiml(name);
    }

    public static Twiml hangup() {
        return element("Hangup");
    }

    /** Ends the caller's wait in a queue: the Enqueue's action follows. */
    public static Twiml leave() {
        return element("Leave");
    }

    public static Twiml pause(int seconds) {
        return element("Pause").attribute("length", seconds);
    }

    public static Twiml redirect(String url) {
        return element("Redirect").attribute("method", "POST").text(url);
    }

    public static Twiml number(String e164) {
        return element("Number").text(e164);
    }

    /** An attribute, left out when {@code value} is null. */
    public Twiml attribute(String attribute, Object value) {
        if (value != null) {
            attributes.add(new String[] {attribute, String.valueOf(value)});
        }
        return this;
    }

    public Twiml text(String body) {
        this.text = body;
        return this;
    }

    public Twiml add(Twiml child) {
        children.add(child);
        return this;
    }

    /** The names of the children in order, e.g. {@code [Gather, Redirect]}. */
    public List<String> verbs() {
        return children.stream().map(c -> c.name).toList();
    }

    /** This element alone, without the XML declaration: a piece to keep and put in with {@link #written}. */
    public String toFragment() {
        StringBuilder out = new StringBuilder(256);
        write(this, out);
        return out.toString();
    }

    public String toXml() {
        StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        write(this, out);
        return out.toString();
    }

    private static void write(Twiml element, StringBuilder out) {
        if (element.name == null) {
            out.append(element.text);
            return;
        }
        out.append('<').append(element.name);
        for (String[] attribute : element.attributes) {
            out.append(' ').append(attribute[0]).append("=\"");
            escape(attribute[1], out, true);
            out.append('"');
        }
        if ((element.text == null || element.text.isEmpty()) && element.children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (element.text != null) {
            escape(element.text, out, false);
        }
        for (Twiml child : element.children) {
            write(child, out);
        }
        out.append("</").append(element.name).append('>');
    }

    /** The five characters XML gives meaning to, and the control characters it does not allow at all. */
    private static void escape(String value, StringBuilder out, boolean attribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
