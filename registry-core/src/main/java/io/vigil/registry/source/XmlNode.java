package io.vigil.registry.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a list record, read into memory so the record can be mapped as a whole while the file itself
 * is streamed record by record. Names are local names (namespaces ignored); text is the element's own character
 * data. Used by the XML list parsers (records are small; files are large). Reading is iterative, so deep
 * nesting cannot overflow the stack; it stops at {@link #MAX_DEPTH}.
 */
public final class XmlNode {

    public static final int MAX_DEPTH = 32;

    public final String name;
    public final int line;
    public final Map<String, String> attributes = new LinkedHashMap<>();
    public final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, int line) {
        this.name = name;
        this.line = line;
    }

    /** Reads the element the reader is positioned on (a START_ELEMENT) up to and including its END_ELEMENT. */
    public static XmlNode read(XMLStreamReader r) throws XMLStreamException {
        return read(r, null);
    }

    /**
     * As {@link #read(XMLStreamReader)}, handing the record's root node to {@code onStart} before its children are
     * read, so a caller can still name the record (e.g. its {@code uid}) when the file breaks off inside it.
     */
    public static XmlNode read(XMLStreamReader r, java.util.function.Consumer<XmlNode> onStart)
            throws XMLStreamException {
        XmlNode root = start(r);
        if (onStart != null) {
            onStart.accept(root);
        }
        Deque<XmlNode> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH + " levels",
                                r.getLocation());
                    }
                    XmlNode child = start(r);
                    open.peek().children.add(child);
                    open.push(child);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    open.peek().text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new XMLStreamException("file ends inside <" + open.peek().name + ">", r.getLocation());
                default -> {
                    // comments and processing instructions carry no list data
                }
            }
        }
        return root;
    }

    private static XmlNode start(XMLStreamReader r) {
        XmlNode n = new XmlNode(r.getLocalName(), r.getLocation().getLineNumber());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            n.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return n;
    }

    /** The element's local name. */
    public String name() {
        return name;
    }

    /** The line the element starts on. */
    public int line() {
        return line;
    }

    /** The child elements in document order. */
    public List<XmlNode> children() {
        return java.util.Collections.unmodifiableList(children);
    }

    /** The children of the first {@code listName} child named {@code itemName}, e.g. ("akaList", "aka"). */
    public List<XmlNode> items(String listName, String itemName) {
        XmlNode list = child(listName);
        return list == null ? List.of() : list.all(itemName);
    }

    /** Same as {@link #childText(String)}. */
    public String text(String childName) {
        return childText(childName);
    }

    /** {@code "true"}/{@code "false"} of a child, or {@code dflt} when absent. */
    public boolean bool(String childName, boolean dflt) {
        String t = childText(childName);
        return t == null ? dflt : Boolean.parseBoolean(t);
    }

    /** The element's text stripped, or null when blank. */
    public String text() {
        String t = text.toString().strip();
        return t.isEmpty() ? null : t;
    }

    /** The first child of that name, or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** Every child of that name, in document order. */
    public List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The stripped text of the first child of that name, or null when absent or blank. */
    public String childText(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text();
    }

    /** Every element of that name below this one (not this one), in document order. */
    public List<XmlNode> descendants(String elementName) {
        List<XmlNode> out = new ArrayList<>();
        Deque<XmlNode> todo = new ArrayDeque<>();
        for (int i = children.size() - 1; i >= 0; i--) {
            todo.push(children.get(i));
        }
        while (!todo.isEmpty()) {
            XmlNode n = todo.pop();
            if (n.name.equals(elementName)) {
                out.add(n);
            }
            for (int i = n.children.size() - 1; i >= 0; i--) {
                todo.push(n.children.get(i));
            }
        }
        return out;
    }

    /** The stripped texts of every {@code VALUE} under the first child of that name (UN multi-value fields). */
    public List<String> values(String childName) {
        List<String> out = new ArrayList<>();
        for (XmlNode holder : all(childName)) {
            for (XmlNode v : holder.all("VALUE")) {
                if (v.text() != null) {
                    out.add(v.text());
                }
            }
        }
        return out;
    }

    /** Children named {@code item} of every child named {@code container}, e.g. ("Names", "Name"). */
    public List<XmlNode> all(String container, String item) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : all(container)) {
            out.addAll(c.all(item));
        }
        return out;
    }

    /** Non-blank texts of {@link #all(String, String)}. */
    public List<String> texts(String container, String item) {
        List<String> out = new ArrayList<>();
        for (XmlNode n : all(container, item)) {
            String t = n.text();
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** The stripped attribute value, or null when absent or blank. */
    public String attr(String attribute) {
        String v = attributes.get(attribute);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }
}
