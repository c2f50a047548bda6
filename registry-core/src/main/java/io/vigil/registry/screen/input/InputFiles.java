package io.vigil.registry.screen.input;

import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.source.SecureXml;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens screening input files, recognised by their structure, never by a substring. A transactions file whose
 * first non-blank character is {@code <} is XML: it is read as ISO 20022 pacs.008 when its root element (or, under
 * an envelope such as a business application header, its first {@code Document} element) is in a
 * {@code urn:iso:std:iso:20022:tech:xsd:pacs.008.*} namespace, and refused otherwise, naming the namespace found
 * (a pacs.009, a camt.053…). Anything else is read as CSV, whose header row must name the required columns.
 * Counterparties files are CSV; an XML file given as counterparties is refused.
 *
 * <p>Example: {@code InputFiles.open(Path.of("counterparties.csv"), InputKind.COUNTERPARTIES, null, null)} over
 * {@code id,name,...\nC-1,Choi Cheol-min,person,1978,CN,} yields one {@code InputItem.Record} at line 2 with id
 * {@code C-1} and the value {@code name = "Choi Cheol-min"} (INDIVIDUAL, 1978, CN).
 *
 * <p>Every reader opened here also enforces the {@link InputLimits} on each record's values (a name longer than
 * {@code maxNameChars}, or another value longer than {@code maxFieldChars}, rejects its record) and rejects a record
 * whose id repeats the id of an earlier record of the same file, naming the earlier record's line.
 *
 * <p>A missing, directory or unreadable file throws {@link InputFileException} ("does not exist", "is not a
 * readable file"); an empty file opens a reader with no items. A UTF-8 CSV is checked whole before the first item
 * is returned, so a file in the wrong encoding fails at open, naming the line.
 */
public final class InputFiles {

    static final int SNIFF_BYTES = 16 * 1024;
    /** The namespace of every version of pacs.008 starts so: {@code urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08}. */
    static final String PACS_008_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pacs.008.";
    /** How many elements are looked at for the {@code Document} element under an envelope. */
    private static final int ENVELOPE_ELEMENTS = 2_000;

    private InputFiles() {
    }

    /** Opens {@code file} with the contract layout, UTF-8, default limits. */
    public static InputReader open(Path file, InputKind kind) {
        return open(file, kind, null, null);
    }

    /** Opens {@code file} with the default {@link InputLimits}. */
    public static InputReader open(Path file, InputKind kind, ColumnMapping mapping, Charset charset) {
        return open(file, kind, mapping, charset, InputLimits.defaults());
    }

    /**
     * Opens {@code file}.
     *
     * @param mapping the CSV layout; null for {@link ColumnMapping#defaults}; ignored for pacs.008
     * @param charset the CSV encoding; null for UTF-8 (decoded strictly); ignored for pacs.008, which declares its
     *     own
     * @param limits the size limits on records; null for {@link InputLimits#defaults}
     * @throws InputFileException when the file cannot be read, is not valid in its encoding, is XML but not
     *     pacs.008, or its CSV header lacks a required column
     */
    public static InputReader open(Path file, InputKind kind, ColumnMapping mapping, Charset charset,
            InputLimits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        ColumnMapping m = mapping == null ? ColumnMapping.defaults(kind) : mapping;
        if (m.kind() != kind) {
            throw new IllegalArgumentException("a " + m.kind() + " column mapping cannot read " + kind);
        }
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        InputLimits l = limits == null ? InputLimits.defaults() : limits;
        InputFormat format = detect(file, kind);
        if (isEmpty(file)) {
            return new EmptyReader();
        }
        InputReader reader = switch (format) {
            case PACS_008 -> new Pacs008Reader(file);
            case COUNTERPARTIES_CSV -> CsvInputReader.open(file, cs, m, new CounterpartyRows(), l);
            case TRANSACTIONS_CSV -> CsvInputReader.open(file, cs, m, new TransactionRows(), l);
        };
        return new CheckedInputReader(reader, l);
    }

    /**
     * The format of {@code file} read as {@code kind}, from its structure: for XML, the namespace of its root
     * element (or of the first {@code Document} element under an envelope); otherwise CSV.
     *
     * @throws InputFileException when the file cannot be read, is malformed XML, or is XML but not a pacs.008
     *     credit transfer (the message names the root element and namespace found)
     */
    public static InputFormat detect(Path file, InputKind kind) {
        requireReadableFile(file);
        boolean xml = startsLikeXml(file);
        if (kind == InputKind.COUNTERPARTIES) {
            if (xml) {
                throw new InputFileException(file, "is XML, not a counterparties CSV file");
            }
            return InputFormat.COUNTERPARTIES_CSV;
        }
        if (!xml) {
            return InputFormat.TRANSACTIONS_CSV;
        }
        return detectXml(file);
    }

    private static boolean startsLikeXml(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
        int i = 0;
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    private static InputFormat detectXml(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 16 * 1024)) {
            XMLStreamReader xml = SecureXml.reader(in);
            try {
                String rootName = null;
                String rootNamespace = null;
                int elements = 0;
                while (xml.hasNext() && elements < ENVELOPE_ELEMENTS) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    elements++;
                    String ns = Objects.requireNonNullElse(xml.getNamespaceURI(), "");
                    String name = xml.getLocalName();
                    if (rootName == null) {
                        rootName = name;
                        rootNamespace = ns;
                        if (isIso20022Message(ns)) {
                            return pacs008Or(file, name, ns);
                        }
                        continue;
                    }
                    if (name.equals("Document")) {
                        // a message under an envelope (BizMsg, AppHdr + Document): the Document decides
                        return pacs008Or(file, name, ns);
                    }
                }
                throw new InputFileException(file, "is XML but not an ISO 20022 pacs.008 credit transfer: its root "
                        + "element is " + describe(rootName, rootNamespace) + " and it holds no Document element"
                        + " in a " + PACS_008_NAMESPACE + "* namespace");
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw Pacs008Reader.malformed(file, e);
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
    }

    /** An ISO 20022 message namespace, {@code urn:iso:std:iso:20022:tech:xsd:<message>}, other than the header. */
    private static boolean isIso20022Message(String ns) {
        return ns.startsWith("urn:iso:std:iso:20022:tech:xsd:") && !ns.startsWith("urn:iso:std:iso:20022:tech:xsd:head.");
    }

    private static InputFormat pacs008Or(Path file, String name, String ns) {
        if (ns.startsWith(PACS_008_NAMESPACE) && ns.length() > PACS_008_NAMESPACE.length()) {
            return InputFormat.PACS_008;
        }
        throw new InputFileException(file, "is XML but not an ISO 20022 pacs.008 credit transfer: its "
                + describe(name, ns) + " is not in a " + PACS_008_NAMESPACE + "* namespace");
    }

    private static String describe(String name, String ns) {
        if (name == null) {
            return "missing";
        }
        return "element " + name + (ns == null || ns.isEmpty() ? " (no namespace)" : " (namespace " + ns + ")");
    }

    static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new InputFileException(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(file, "is not a readable file (it is a directory or a special file)");
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(file, "is not a readable file (permission denied)");
        }
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
    }

    /** The reader of an empty file. */
    static final class EmptyReader implements InputReader {
        @Override
        public InputItem next() {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
