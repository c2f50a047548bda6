package io.vigil.registry.source;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The skeleton every XML list parser shares (after {@link ListFiles#hash}): open the file (skipping a UTF-8 BOM),
 * stream it through a {@link SecureXml} reader, close it, and turn any reader failure into a
 * {@link ListParseException} with one message policy:
 * <pre>{@code <file> line <L>[, column <C>][, in <record>]: <reason>}</pre>
 * where the record is what the parser was reading (its own wording, from a supplier asked only on failure) and the
 * reason is {@code refused: …} for a DOCTYPE or entity reference, or {@code malformed XML: …} with, where it can be
 * told, {@code file ends in the middle of the XML (truncated?)}, {@code not an XML document} or
 * {@code bytes are not valid in the declared encoding (wrong encoding?)} before the reader's own words. Bytes that
 * are not UTF-8 in a plain file are reported by {@link SourceFiles#requireUtf8}, naming the line of the first bad
 * byte.
 *
 * <p>Example: a UN list cut off inside its second {@code INDIVIDUAL} →
 * {@code "truncated.xml line 5, column 31, in <INDIVIDUAL> #2 starting line 5: malformed XML: file ends in the middle of the
 * XML (truncated?): XML document structures must start and end within the same entity."}
 */
public final class XmlListFile {

    /** The parser's own reading of the document, from the first event on. */
    @FunctionalInterface
    public interface StaxBody {
        /** Reads the document from {@code r}; may throw a {@link ListParseException} of its own. */
        void read(XMLStreamReader r) throws XMLStreamException, ListParseException;
    }

    /**
     * An {@link IOException} whose message is a complete reason to refuse the input (e.g. a zip-bomb guard). When
     * one ends a read it is reported as it is, located in the record being read, not as malformed XML.
     */
    public static class InputRefused extends IOException {
        public InputRefused(String message) {
            super(message);
        }
    }

    private XmlListFile() {
    }

    /**
     * Streams the XML file {@code path} (a leading UTF-8 BOM skipped) through a hardened reader into {@code body},
     * turning failures into {@link ListParseException}s named by the file and located by {@code record}.
     *
     * @param record the record being read when a failure happens (e.g. {@code "sdnEntry #3 (uid 39497)"}), or null
     *               before the first; the helper prefixes {@code "in "}
     */
    public static void read(Path path, Supplier<String> record, StaxBody body) throws ListParseException {
        String file = String.valueOf(path.getFileName());
        try (InputStream in = SourceFiles.openSkippingBom(path)) {
            read(file, path, in, record, body);
        } catch (IOException e) {
            throw unreadable(file, e, record.get());
        }
    }

    /**
     * As {@link #read(Path, Supplier, StaxBody)} for XML that is not a plain file (e.g. a ZIP entry): {@code file}
     * names it in messages. The caller closes {@code in}.
     */
    public static void read(String file, InputStream in, Supplier<String> record, StaxBody body)
            throws ListParseException {
        read(file, null, in, record, body);
    }

    private static void read(String file, Path path, InputStream in, Supplier<String> record, StaxBody body)
            throws ListParseException {
        try {
            XMLStreamReader r = SecureXml.reader(in);
            try {
                body.read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(file, path, e, record.get());
        }
    }

    /**
     * An I/O failure: {@code "<file>[ in <record>]: cannot read file: …"}, or the reason of an {@link InputRefused}.
     */
    public static ListParseException unreadable(String file, IOException e, String record) {
        InputRefused refused = find(e, InputRefused.class);
        String reason = refused != null ? refused.getMessage() : "cannot read file: " + e.getMessage();
        return new ListParseException(file, record == null ? null : "in " + record, reason, e);
    }

    /**
     * A reader failure, by the policy in the class comment.
     *
     * @param path the plain file, to name the first byte that is not UTF-8; null when the XML is not a plain file
     */
    static ListParseException malformed(String file, Path path, XMLStreamException e, String record) {
        InputRefused refused = find(e, InputRefused.class);
        if (refused != null) {
            return new ListParseException(file, record == null ? null : "in " + record, refused.getMessage(), e);
        }
        String reason = reason(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        boolean badBytes = find(e, CharConversionException.class) != null
                || lower.contains("byte") && lower.contains("utf-8");
        if (path != null && (badBytes || lower.contains("utf-8") || lower.contains("byte sequence"))) {
            try {
                SourceFiles.requireUtf8(path);
            } catch (ListParseException utf8) {
                return utf8;
            }
        }
        Location loc = e.getLocation();
        String where = loc != null && loc.getLineNumber() > 0 ? "line " + loc.getLineNumber() : "";
        String inRecord = record == null ? "" : (where.isEmpty() ? "" : ", ") + "in " + record;
        if (reason.startsWith("DOCTYPE") || reason.startsWith("entity reference")) {
            return new ListParseException(file, where + inRecord, "refused: " + reason, e);
        }
        if (!where.isEmpty() && loc.getColumnNumber() > 0) {
            where += ", column " + loc.getColumnNumber();
        }
        where += inRecord;
        String kind = "";
        if (badBytes) {
            kind = "bytes are not valid in the declared encoding (wrong encoding?): ";
        } else if (reason.contains("XML document structures must start and end") || lower.contains("unexpected end")
                || lower.contains("document ends inside")) {
            kind = "file ends in the middle of the XML (truncated?): ";
        } else if (reason.contains("not allowed in prolog")) {
            kind = "not an XML document: ";
        }
        return new ListParseException(file, where, "malformed XML: " + kind + reason, e);
    }

    /** The human part of a StAX message, without the JDK's {@code "ParseError at [row,col]:[..]\nMessage: "}. */
    private static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            Throwable c = e.getCause();
            return c != null && c.getMessage() != null ? c.getMessage() : e.getClass().getSimpleName();
        }
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int i = 0; t != null && i < 20; i++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            Throwable next = t instanceof XMLStreamException x && x.getNestedException() != null
                    ? x.getNestedException() : t.getCause();
            t = next == t ? null : next;
        }
        return null;
    }
}
