package io.vigil.registry.source;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place XML readers are made. DTDs are refused outright, so neither external entities (XXE) nor entity
 * expansion ("billion laughs") can happen; external schema and DTD access is off as a second guard.
 */
public final class SecureXml {

    private SecureXml() {
    }

    /** A new hardened StAX factory. Factories are cheap; make one per parse. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    /**
     * A hardened stream reader over {@code in}. A document with a DOCTYPE fails on its first event with an
     * {@link XMLStreamException}; parsers turn that into a {@link ListParseException} naming the file.
     */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLStreamReader r = inputFactory().createXMLStreamReader(in);
        return new DoctypeRefusingReader(r);
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows every property; SUPPORT_DTD=false already guards
        }
    }
}
