package io.vigil.registry.source.ofacxml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small in-memory element (local name, attributes, text, children) for ONE record of a streamed list: the parsers
 * stream the file with StAX and materialise only the current {@code sdnEntry} or {@code entity}. Namespaces are
 * ignored: OFAC has published the same structure under several namespaces.
 */
final class XmlNode {

    private final String name;
    private final int line;
    private final Map<String, String> attributes;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, int line, Map<String, String> attributes) {
        this.name = name;
        this.line = line;
        this.attributes = attributes;
    }

    /**
     * Reads the element the reader is positioned on (a START_ELEMENT) up to and including its END_ELEMENT.
     * Elements nested more than 64 deep are refused, so a hostile file cannot exhaust the stack.
     */
    static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        return read(r, 0, null);
    }

    /**
     * As {@link #read(XMLStreamReader)}, handing the node to {@code onStart} before its children are read, so a
     * caller can still name the record (e.g. its {@code uid}) when the file breaks off inside it.
     */
    static XmlNode read(XMLStreamReader r, java.util.function.Consumer<XmlNode> onStart) throws XMLStreamException {
        return read(r, 0, onStart);
    }

    private static XmlNode read(XMLStreamReader r, int depth, java.util.function.Consumer<XmlNode> onStart)
            throws XMLStreamException {
        if (depth > 64) {
            throw new XMLStreamException("elements nested more than 64 deep", r.getLocation());
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        XmlNode node = new XmlNode(r.getLocalName(), r.getLocation().getLineNumber(),
                attrs.isEmpty() ? Map.of() : attrs);
        if (onStart != null) {
            onStart.accept(node);
        }
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children.add(read(r, depth + 1, null));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("unexpected end of document inside <" + node.name + ">",
                                r.getLocation());
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    String name() {
        return name;
    }

    /** The line the element starts on. */
    int line() {
        return line;
    }

    String attr(String attribute) {
        return attributes.get(attribute);
    }

    List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The element's own text, stripped; null when blank. */
    String text() {
        String t = text.toString().strip();
        return t.isEmpty() ? null : t;
    }

    /** The first child with that local name, or null. */
    XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** All children with that local name. */
    List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The children of {@code listName} named {@code itemName}, e.g. {@code items("akaList", "aka")}. */
    List<XmlNode> items(String listName, String itemName) {
        XmlNode list = child(listName);
        return list == null ? List.of() : list.all(itemName);
    }

    /** The stripped text of the first child with that name, or null when absent or blank. */
    String text(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text();
    }

    /** {@code "true"}/{@code "false"} of a child, or {@code dflt} when absent. */
    boolean bool(String childName, boolean dflt) {
        String t = text(childName);
        return t == null ? dflt : Boolean.parseBoolean(t);
    }
}
