package io.vigil.registry.source.ofacxml;

import io.vigil.registry.source.ListParseException;
import java.io.CharConversionException;
import java.io.IOException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** Turns StAX failures into {@link ListParseException}s that name the file, the line and the element being read. */
final class StaxErrors {

    private StaxErrors() {
    }

    /**
     * @param file the file name for the message
     * @param e what StAX threw
     * @param where the record being read, e.g. {@code "sdnEntry #12 (uid 4632)"}, or null
     */
    static ListParseException of(String file, XMLStreamException e, String where) {
        ZipGuard.LimitExceeded guard = find(e, ZipGuard.LimitExceeded.class);
        if (guard != null) {
            return new ListParseException(file, where == null ? null : "in " + where, guard.getMessage(), e);
        }
        Location loc = e.getLocation();
        StringBuilder location = new StringBuilder();
        if (loc != null && loc.getLineNumber() > 0) {
            location.append("line ").append(loc.getLineNumber());
            if (loc.getColumnNumber() > 0) {
                location.append(", column ").append(loc.getColumnNumber());
            }
        }
        if (where != null) {
            if (!location.isEmpty()) {
                location.append(", ");
            }
            location.append("in ").append(where);
        }
        String reason = reason(e);
        if (find(e, CharConversionException.class) != null || reason.toLowerCase(java.util.Locale.ROOT).contains("byte")
                && reason.toLowerCase(java.util.Locale.ROOT).contains("utf-8")) {
            reason = "bytes are not valid in the declared encoding (wrong encoding?): " + reason;
        } else if (reason.contains("XML document structures must start and end")
                || reason.toLowerCase(java.util.Locale.ROOT).contains("unexpected end")) {
            reason = "file ends in the middle of the XML (truncated?): " + reason;
        } else if (reason.contains("not allowed in prolog")) {
            reason = "not an XML document: " + reason;
        }
        return new ListParseException(file, location.toString(), reason, e);
    }

    /** The human part of a StAX message, without the JDK's {@code "ParseError at [row,col]:[..]\nMessage: "}. */
    static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            Throwable c = e.getCause();
            return c != null && c.getMessage() != null ? c.getMessage() : e.getClass().getSimpleName();
        }
        int i = m.indexOf("Message: ");
        String r = i >= 0 ? m.substring(i + "Message: ".length()) : m;
        return r.strip();
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = nested(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable nested(Throwable t) {
        if (t instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != t) {
            return x.getNestedException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    static ListParseException io(String file, IOException e, String where) {
        ZipGuard.LimitExceeded guard = find(e, ZipGuard.LimitExceeded.class);
        String reason = guard != null ? guard.getMessage() : "cannot read: " + e.getMessage();
        return new ListParseException(file, where == null ? null : "in " + where, reason, e);
    }
}
