package io.vigil.registry.source.eu;

import io.vigil.registry.source.XmlNode;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.SourceText;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.SecureXml;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.XmlListFile;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the EU Financial Sanctions Files (FSF) XML, streaming it one entry at a time through {@link SecureXml}.
 * Both formats are recognised from the root element:
 * <ul>
 *   <li>FSF XML 1.1 (and 1.0, which lacks only {@code euReferenceNumber}): {@code <export generationDate=…>} in
 *       namespace {@code http://eu.europa.ec/fpi/fsd/export}, one {@code <sanctionEntity logicalId=…>} per entry;</li>
 *   <li>the legacy FSD export: {@code <WHOLE Date="DD/MM/YYYY">} with {@code <ENTITY Id Type="P|E" …>} entries
 *       holding {@code NAME}, {@code BIRTH}, {@code PASSPORT}, {@code CITIZEN} and {@code ADDRESS}.</li>
 * </ul>
 *
 * <p>Example (1.1): {@code <sanctionEntity logicalId="139001" unitedNationId="KPi.066">} with
 * {@code <regulation regulationType="regulation" numberTitle="2017/1509 (OJ L224)" programme="PRK"
 * publicationDate="2017-08-31">}, {@code <subjectType classificationCode="P"/>} and
 * {@code <nameAlias wholeName="JON Il Ho" strong="true"/>} → {@code Party("eu:139001", INDIVIDUAL)} named
 * {@code "JON Il Ho"} with an {@code UN_REFERENCE} identifier {@code KPi.066} and the designation
 * {@code EU Council / EU Consolidated Financial Sanctions List / PRK / 2017/1509 (OJ L224)}, reference
 * {@code 139001}. Legacy example: {@code <ENTITY Id="1" Type="P" programme="ZWE" legal_basis="151/2012 (OJ L49)">}
 * with {@code WHOLENAME Robert Gabriel Mugabe} and {@code BIRTH/DATE 1924-02-21} → {@code Party("eu:1")}.
 *
 * <p>Names: the first strong alias with no language or English is the primary name; {@code strong="false"} →
 * weak; a non-Latin name in a language that is not an official EU language (Hangul, {@code KO}) → original
 * script; other translations → a.k.a. Citizenship goes to both nationalities and citizenships (the EU's
 * regulations call it nationality). {@code function} and {@code title} → titles. Country code {@code 00} and
 * description {@code UNKNOWN} count as absent. The listing date is {@code designationDate} when given, else the
 * earliest publication date cited in the entry (legacy: earliest {@code reg_date}). There is one designation per
 * programme. The edition date is {@code generationDate} as written (its local date) or {@code WHOLE@Date}.
 *
 * <p>Malformed, truncated, hostile (DOCTYPE) or non-UTF-8 input, an unknown root element, or an entry without a
 * name or id fails with a {@link ListParseException} naming the file, the line and the entry.
 */
public final class EuFsfXmlParser implements ListParser {

    /** The source type of this parser. */
    public static final String SOURCE_TYPE = "eu-xml";

    /** The FSF XML namespace. */
    public static final String NAMESPACE = "http://eu.europa.ec/fpi/fsd/export";

    /** Where the European Commission publishes the Financial Sanctions Files. */
    public static final String LIST_URL = "https://webgate.ec.europa.eu/fsd/fsf";

    private static final DateTimeFormatter LEGACY_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A parser for both FSF formats. */
    public EuFsfXmlParser() {
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        SourceFile sourceFile = ListFiles.hash(path);
        Run run = new Run(String.valueOf(path.getFileName()));
        XmlListFile.read(path, run::where, run::read);
        ListSource source = new ListSource(SOURCE_TYPE, Authorities.EU, Authorities.EU_LIST, run.publicationDate,
                run.publicationDateNote, LIST_URL, List.of(sourceFile));
        return new ParsedList(source, run.parties, run.warnings);
    }

    /** The state of one parse. */
    private static final class Run {
        private final String file;
        private final List<Party> parties = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        private LocalDate publicationDate;
        private String publicationDateNote;
        private String record;
        private int recordLine;
        private int recordIndex;

        Run(String file) {
            this.file = file;
        }

        /**
         * The element being read, e.g. {@code <sanctionEntity> #2 starting line 4}; between entries, the root and
         * the last entry read, e.g. {@code <export> after <sanctionEntity> #2} (a file cut at an entry boundary).
         */
        String where() {
            if (record != null) {
                return "<" + record + " starting line " + recordLine;
            }
            return rootName == null ? null : "<" + rootName + ">" + (recordIndex == 0 ? "" : " after <" + entryName
                    + "> #" + recordIndex) + " (not closed)";
        }

        private String rootName;
        private String entryName;

        void read(XMLStreamReader r) throws XMLStreamException, ListParseException {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: comments, whitespace
            }
            if (!r.isStartElement()) {
                throw new ListParseException(file, null, "no root element: not an EU FSF file");
            }
            int rootLine = r.getLocation().getLineNumber();
            String root = r.getLocalName();
            String ns = r.getNamespaceURI();
            Fsf11Mapper fsf = null;
            FsfLegacyMapper legacy = null;
            if (root.equals("export") && (ns == null || ns.isEmpty() || ns.equals(NAMESPACE))) {
                entryName = "sanctionEntity";
                fsf = new Fsf11Mapper(file, warnings);
                generationDate(r.getAttributeValue(null, "generationDate"), r.getAttributeValue(null, "globalFileId"),
                        rootLine);
            } else if (root.equals("WHOLE")) {
                entryName = "ENTITY";
                legacy = new FsfLegacyMapper(file, warnings);
                legacyDate(r.getAttributeValue(null, "Date"), rootLine);
            } else {
                throw new ListParseException(file, "line " + rootLine + ", root element <" + root + ">"
                        + (ns == null || ns.isEmpty() ? "" : " in namespace " + ns),
                        "not an EU FSF file: expected <export> in namespace " + NAMESPACE
                                + " (FSF XML 1.0/1.1) or <WHOLE> (legacy FSD export)");
            }
            rootName = root;
            int depth = 1;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depth == 1) {
                        String name = r.getLocalName();
                        recordLine = r.getLocation().getLineNumber();
                        if (name.equals(entryName)) {
                            recordIndex++;
                            record = name + "> #" + recordIndex;
                        } else {
                            record = name + ">";
                        }
                        XmlNode node = XmlNode.read(r);
                        if (name.equals(entryName)) {
                            try {
                                add(fsf != null ? fsf.map(node, recordIndex) : legacy.map(node, recordIndex));
                            } catch (RuntimeException e) {
                                throw new ListParseException(file, "line " + recordLine + ", " + name + " #"
                                        + recordIndex, "cannot read entry: " + e.getMessage(), e);
                            }
                        } else {
                            warnings.add(file + " line " + recordLine + ": unexpected element <" + name
                                    + "> ignored");
                        }
                        record = null;
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private void generationDate(String generated, String globalFileId, int line) throws ListParseException {
            String suffix = globalFileId == null || globalFileId.isBlank() ? "" : ", globalFileId " + globalFileId;
            if (generated == null || generated.isBlank()) {
                publicationDateNote = "export@generationDate absent" + suffix;
                warnings.add(file + " line " + line + ": export has no generationDate attribute");
                return;
            }
            try {
                publicationDate = OffsetDateTime.parse(generated.strip()).toLocalDate();
            } catch (DateTimeException e) {
                publicationDate = SourceText.isoDatePrefix(generated);
                if (publicationDate == null) {
                    throw new ListParseException(file, "line " + line + ", export@generationDate",
                            "invalid date '" + generated + "'", e);
                }
            }
            publicationDateNote = "export@generationDate " + generated.strip() + suffix;
        }

        private void legacyDate(String date, int line) throws ListParseException {
            if (date == null || date.isBlank()) {
                publicationDateNote = "WHOLE@Date absent";
                warnings.add(file + " line " + line + ": WHOLE has no Date attribute");
                return;
            }
            try {
                publicationDate = LocalDate.parse(date.strip(), LEGACY_DATE);
            } catch (DateTimeException e) {
                throw new ListParseException(file, "line " + line + ", WHOLE@Date",
                        "invalid date '" + date + "' (expected DD/MM/YYYY)", e);
            }
            publicationDateNote = "WHOLE@Date " + date.strip() + " (DD/MM/YYYY)";
        }

        /**
         * Adds an entry. The full file repeats a {@code logicalId} on one {@code sanctionEntity} per regime when one
         * party is listed under several: those are one party, so a repeated id is merged into the first entry
         * (names, details and the other regime's designation added).
         */
        private void add(Party party) {
            Integer at = ids.get(party.id());
            if (at == null) {
                ids.put(party.id(), parties.size());
                parties.add(party);
                return;
            }
            parties.set(at, io.vigil.registry.model.Parties.merge(parties.get(at), party));
            merged++;
        }

        private int merged;
    }
}
