package io.vigil.registry.source.uk;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a small XML subtree (a single {@code <Designation>}), read from a streaming reader so the whole
 * document is never held in memory. Names are local names; text is the element's own character content.
 */
final class XmlNode {

    static final int MAX_DEPTH = 16;

    final String name;
    final int line;
    final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, int line) {
        this.name = name;
        this.line = line;
    }

    /** Reads the element the reader is positioned on (START_ELEMENT) up to and including its END_ELEMENT. */
    static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        return read(r, 0);
    }

    private static XmlNode read(XMLStreamReader r, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, r.getLocation());
        }
        XmlNode node = new XmlNode(r.getLocalName(), r.getLocation().getLineNumber());
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children.add(read(r, depth + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("document ends inside <" + node.name + ">", r.getLocation());
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    /** The element's own text, trimmed and whitespace-collapsed, or null when blank. */
    String text() {
        return UkText.clean(text.toString());
    }

    /** The first child with this name, or null. */
    XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** The text of the first child with this name, or null. */
    String childText(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text();
    }

    /** Children named {@code item} of every child named {@code container}, e.g. ("Names", "Name"). */
    List<XmlNode> all(String container, String item) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(container)) {
                for (XmlNode i : c.children) {
                    if (i.name.equals(item)) {
                        out.add(i);
                    }
                }
            }
        }
        return out;
    }

    /** Non-blank texts of {@link #all(String, String)}. */
    List<String> texts(String container, String item) {
        List<String> out = new ArrayList<>();
        for (XmlNode n : all(container, item)) {
            String t = n.text();
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
