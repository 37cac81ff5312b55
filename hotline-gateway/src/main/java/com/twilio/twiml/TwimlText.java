package com.twilio.twiml;

import java.util.Map;

/**
 * Writes a TwiML tree built with the SDK's builders as XML text. The SDK's own {@code toXml()}
 * builds a DOM and runs an XSLT transformer on every call, a third of a webhook's time; this walks
 * the same tree (its element accessors are visible from this package only) and escapes as XML
 * requires. Same elements, attributes and text; tests parse the result as XML.
 */
public final class TwimlText {

    private TwimlText() {}

    public static String of(TwiML root) {
        StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        write(root, out);
        return out.toString();
    }

    private static void write(TwiML element, StringBuilder out) {
        out.append('<').append(element.getTagName());
        attributes(element.getElementAttributes(), out);
        attributes(element.getOptions(), out);
        String body = element.getElementBody();
        if ((body == null || body.isEmpty()) && element.getChildren().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (body != null) {
            escape(body, out, false);
        }
        for (TwiML child : element.getChildren()) {
            write(child, out);
        }
        out.append("</").append(element.getTagName()).append('>');
    }

    private static void attributes(Map<String, String> attributes, StringBuilder out) {
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            out.append(' ').append(attribute.getKey()).append("=\"");
            escape(attribute.getValue(), out, true);
            out.append('"');
        }
    }

    private static void escape(String text, StringBuilder out, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
    }
}
