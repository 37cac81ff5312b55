package org.hotline.gateway.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** TwiML parsed as XML, queried with XPath: tests assert structure, not substrings. */
public record Twiml(Document document, String xml) {

    public static Twiml parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            return new Twiml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), xml);
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    public String value(String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    public List<String> values(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** The names of the verbs directly under Response, in order. */
    public List<String> verbs() {
        NodeList children = document.getDocumentElement().getChildNodes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i).getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                names.add(children.item(i).getNodeName());
            }
        }
        return names;
    }
}
