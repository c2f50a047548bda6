package io.vigil.registry.source;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Fails as soon as a DOCTYPE or an entity reference appears. Official list files never carry either, so any that
 * does is hostile or broken; refusing it is clearer than silently dropping the entity.
 */
final class DoctypeRefusingReader extends StreamReaderDelegate {

    DoctypeRefusingReader(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.DTD) {
            throw new XMLStreamException("DOCTYPE declarations are not allowed (possible XXE or entity expansion)",
                    getLocation());
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("entity reference &" + getLocalName() + "; is not allowed", getLocation());
        }
        return event;
    }
}
