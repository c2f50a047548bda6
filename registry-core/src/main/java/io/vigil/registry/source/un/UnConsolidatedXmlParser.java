package io.vigil.registry.source.un;

import static io.vigil.registry.source.SourceText.collapse;
import static io.vigil.registry.source.SourceText.join;

import io.vigil.registry.source.XmlNode;
import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.SecureXml;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.XmlListFile;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST}, schema {@code sc-sanctions.xsd}),
 * streaming it one {@code INDIVIDUAL}/{@code ENTITY} at a time through {@link SecureXml}.
 *
 * <p>Mapping, for example {@code <INDIVIDUAL>} with {@code FIRST_NAME CHOE}, {@code SECOND_NAME CHUN-SIK},
 * {@code UN_LIST_TYPE DPRK}, {@code REFERENCE_NUMBER KPi.013}, {@code LISTED_ON 2016-03-02}, a DOB
 * {@code EXACT 1954-10-12} and {@code NATIONALITY Democratic People's Republic of Korea} →
 * {@code Party("un:KPi.013", INDIVIDUAL)} named {@code "CHOE CHUN-SIK"} (FIRST..FOURTH_NAME joined by a space, in
 * the order the UN writes them), DOB {@code 1954-10-12} (day precision; {@code YEAR} → year,
 * {@code FROM_YEAR/TO_YEAR} → range), nationality {@code KP}, an {@code UN_REFERENCE} identifier {@code KPi.013},
 * and one {@link Designation}: {@code UN Security Council}, {@code 1718 (2006) DPRK sanctions},
 * {@code UNSC Resolution 1718 (2006)}, listed on 2016-03-02, reference {@code KPi.013}.
 *
 * <p>Aliases: {@code QUALITY} {@code Good}/{@code a.k.a.} → strong a.k.a., {@code Low} → weak a.k.a.,
 * {@code f.k.a.} → strong f.k.a.; empty aliases are skipped. {@code NAME_ORIGINAL_SCRIPT} → an
 * {@link NameKind#ORIGINAL_SCRIPT} name. {@code TITLE} and {@code DESIGNATION} values → titles. {@code COMMENTS1}
 * → a remark, verbatim; when {@code GENDER} is absent, a {@code "Gender: male"} phrase in it gives the gender.
 * Documents without a number, address notes and DOB wording that is not a date are kept as remarks.
 *
 * <p>The list edition: {@code dateGenerated="2026-02-27T00:00:09.554Z"} → publication date 2026-02-27 (the UTC date).
 * Any malformed, truncated, hostile (DOCTYPE) or non-UTF-8 input, a root other than {@code CONSOLIDATED_LIST},
 * or an entry without a name or reference number fails with a {@link ListParseException} naming the file, the line
 * and the entry.
 */
public final class UnConsolidatedXmlParser implements ListParser {

    /** The source type of this parser. */
    public static final String SOURCE_TYPE = "un-xml";

    /** Where the Security Council publishes the consolidated list. */
    public static final String LIST_URL = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list";

    private static final Pattern GENDER_IN_COMMENTS =
            Pattern.compile("\\bgender\\s*:\\s*(male|female)\\b", Pattern.CASE_INSENSITIVE);

    private final UnRegimes regimes = UnRegimes.load();

    /** A parser with the regime table bundled in {@code un-regimes.tsv}. */
    public UnConsolidatedXmlParser() {
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
        ListSource source = new ListSource(SOURCE_TYPE, Authorities.UN, Authorities.UN_LIST, run.publicationDate,
                run.publicationDateNote, LIST_URL, List.of(sourceFile));
        return new ParsedList(source, run.parties, run.warnings);
    }

    /** The state of one parse. */
    private final class Run {
        private final String file;
        private final List<Party> parties = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private LocalDate publicationDate;
        private String publicationDateNote;
        private String record;
        private int recordLine;

        Run(String file) {
            this.file = file;
        }

        /** The element being read, e.g. {@code <INDIVIDUAL> #2 starting line 5}, or null between elements. */
        String where() {
            return record == null ? null
                    : "<" + record + "> #" + counts.getOrDefault(record, 0) + " starting line " + recordLine;
        }

        void read(XMLStreamReader r) throws XMLStreamException, ListParseException {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: comments, whitespace
            }
            if (!r.isStartElement()) {
                throw new ListParseException(file, null, "no root element: not a UN consolidated list");
            }
            int rootLine = r.getLocation().getLineNumber();
            if (!"CONSOLIDATED_LIST".equals(r.getLocalName())) {
                throw new ListParseException(file, "line " + rootLine + ", root element <" + r.getLocalName() + ">",
                        "not a UN Security Council consolidated list: expected root element <CONSOLIDATED_LIST>");
            }
            readDate(r.getAttributeValue(null, "dateGenerated"), rootLine);
            int depth = 1;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (depth == 2) {
                        record = name;
                        recordLine = r.getLocation().getLineNumber();
                        int index = counts.merge(name, 1, Integer::sum);
                        XmlNode node = XmlNode.read(r);
                        if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                            try {
                                add(map(node, index));
                            } catch (RuntimeException e) {
                                throw new ListParseException(file, "line " + recordLine + ", " + name + " #" + index,
                                        "cannot read entry: " + e.getMessage(), e);
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

        private void readDate(String generated, int line) throws ListParseException {
            if (generated == null || generated.isBlank()) {
                publicationDateNote = "CONSOLIDATED_LIST@dateGenerated absent";
                warnings.add(file + " line " + line + ": CONSOLIDATED_LIST has no dateGenerated attribute");
                return;
            }
            try {
                publicationDate = OffsetDateTime.parse(generated.strip()).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDate();
            } catch (DateTimeException e) {
                LocalDate plain = UnDates.isoDatePrefix(generated);
                if (plain == null) {
                    throw new ListParseException(file, "line " + line + ", CONSOLIDATED_LIST@dateGenerated",
                            "invalid date '" + generated + "'", e);
                }
                publicationDate = plain;
            }
            publicationDateNote = "CONSOLIDATED_LIST@dateGenerated " + generated.strip();
        }

        private void add(Party party) {
            if (!ids.add(party.id())) {
                warnings.add(file + ": reference number " + party.id() + " appears more than once");
            }
            parties.add(party);
        }

        private Party map(XmlNode node, int index) throws ListParseException {
            String ref = node.childText("REFERENCE_NUMBER");
            String dataId = node.childText("DATAID");
            String where = "line " + node.line + ", " + node.name + " #" + index
                    + (ref != null ? " (REFERENCE_NUMBER " + ref + ")"
                            : dataId != null ? " (DATAID " + dataId + ")" : "");
            if (ref == null) {
                throw new ListParseException(file, where, "entry has no REFERENCE_NUMBER");
            }
            boolean individual = node.name.equals("INDIVIDUAL");
            PartyBuilder b = Party.builder("un:" + ref)
                    .type(individual ? PartyType.INDIVIDUAL : PartyType.ORGANIZATION);

            String primary = collapse(join(" ", node.childText("FIRST_NAME"), node.childText("SECOND_NAME"),
                    node.childText("THIRD_NAME"), node.childText("FOURTH_NAME")));
            if (primary == null) {
                throw new ListParseException(file, where, "entry has no name (FIRST_NAME is empty)");
            }
            b.name(PartyName.of(primary, NameKind.PRIMARY, NameQuality.STRONG));
            String comments = node.childText("COMMENTS1");
            b.remark(comments);
            String original = collapse(node.childText("NAME_ORIGINAL_SCRIPT"));
            if (original != null) {
                b.name(PartyName.of(original, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG));
            }
            for (XmlNode alias : node.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
                alias(b, alias);
            }

            LocalDate listedOn = null;
            String listed = node.childText("LISTED_ON");
            if (listed != null) {
                listedOn = UnDates.isoDatePrefix(listed);
                if (listedOn == null) {
                    throw new ListParseException(file, where, "invalid LISTED_ON '" + listed + "'");
                }
            }
            UnRegimes.Regime regime = regimes.of(node.childText("UN_LIST_TYPE"));
            b.designation(new Designation(Authorities.UN, Authorities.UN_LIST, regime.program(), regime.legalBasis(),
                    listedOn, ref, LIST_URL, SOURCE_TYPE));
            b.identifier(new Identifier(IdentifierType.UN_REFERENCE, "UN reference number", ref, null, null, null));

            for (String nationality : node.values("NATIONALITY")) {
                b.nationality(Countries.codeOrName(nationality));
            }
            String nationality2 = node.childText("NATIONALITY2");
            if (nationality2 != null) {
                b.nationality(Countries.codeOrName(nationality2));
            }
            node.values("TITLE").forEach(b::title);
            node.values("DESIGNATION").forEach(b::title);

            String gender = node.childText("GENDER");
            if (gender == null && comments != null) {
                Matcher m = GENDER_IN_COMMENTS.matcher(comments);
                if (m.find()) {
                    gender = m.group(1);
                }
            }
            b.gender(gender(gender));

            for (XmlNode address : node.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
                address(b, address);
            }
            if (individual) {
                Map<String, PartialDate> dates = new LinkedHashMap<>();
                for (XmlNode dob : node.all("INDIVIDUAL_DATE_OF_BIRTH")) {
                    dateOfBirth(b, dob, dates, where);
                }
                for (XmlNode alias : node.all("INDIVIDUAL_ALIAS")) {
                    String aliasDob = alias.childText("DATE_OF_BIRTH");
                    if (aliasDob != null) {
                        PartialDate d = UnDates.parse(aliasDob,
                                aliasDob + " (alias " + collapse(alias.childText("ALIAS_NAME")) + ")");
                        if (d != null) {
                            dates.putIfAbsent(key(d), d);
                        } else {
                            b.remark("Date of birth (alias " + alias.childText("ALIAS_NAME") + "): " + aliasDob);
                        }
                    }
                }
                dates.values().forEach(b::dateOfBirth);
                for (XmlNode pob : node.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
                    String place = join(", ", pob.childText("STREET"), pob.childText("CITY"),
                            pob.childText("STATE_PROVINCE"), pob.childText("COUNTRY"));
                    if (place != null && pob.childText("NOTE") != null) {
                        place += " (" + pob.childText("NOTE") + ")";
                    }
                    b.placeOfBirth(collapse(place));
                }
                for (XmlNode alias : node.all("INDIVIDUAL_ALIAS")) {
                    b.placeOfBirth(collapse(join(", ", alias.childText("CITY_OF_BIRTH"),
                            alias.childText("COUNTRY_OF_BIRTH"))));
                }
                Map<String, Identifier> documents = new LinkedHashMap<>();
                for (XmlNode doc : node.all("INDIVIDUAL_DOCUMENT")) {
                    document(b, doc, documents);
                }
                documents.values().forEach(b::identifier);
            }
            String delisted = node.childText("DELISTED_ON");
            if (delisted != null) {
                b.remark("Delisted on " + delisted);
                warnings.add(file + " " + where + ": entry carries DELISTED_ON " + delisted);
            }
            return b.build();
        }

        private void alias(PartyBuilder b, XmlNode alias) {
            String name = collapse(alias.childText("ALIAS_NAME"));
            if (name == null) {
                return;
            }
            String quality = alias.childText("QUALITY");
            NameQuality q = quality != null && quality.toLowerCase(Locale.ROOT).startsWith("low")
                    ? NameQuality.WEAK : NameQuality.STRONG;
            b.name(PartyName.of(name, NameKind.fromText(quality), q));
            String note = alias.childText("NOTE");
            if (note != null) {
                b.remark("Alias " + name + ": " + note);
            }
        }

        private void dateOfBirth(PartyBuilder b, XmlNode dob, Map<String, PartialDate> dates, String where) {
            String type = dob.childText("TYPE_OF_DATE");
            String note = dob.childText("NOTE");
            String date = dob.childText("DATE");
            String year = dob.childText("YEAR");
            String from = dob.childText("FROM_YEAR");
            String to = dob.childText("TO_YEAR");
            String qualifier = type == null || type.equalsIgnoreCase("EXACT") ? ""
                    : type.toLowerCase(Locale.ROOT) + " ";
            String suffix = note == null ? "" : " (" + note + ")";
            PartialDate d = null;
            String stated;
            if (from != null && to != null) {
                stated = from + " to " + to;
                try {
                    d = PartialDate.ofYears(Integer.parseInt(from), Integer.parseInt(to),
                            (qualifier.equals("between ") ? "between " + from + " and " + to : qualifier + stated)
                                    + suffix);
                } catch (RuntimeException e) {
                    d = null;
                }
            } else if (date != null) {
                stated = date;
                d = UnDates.parse(date, qualifier + date + suffix);
            } else if (year != null) {
                stated = year;
                int month = UnDates.month(note);
                if (month > 0) {
                    d = UnDates.parse(note.replace(".", "").strip() + " " + year, qualifier + note + " " + year);
                } else {
                    d = UnDates.parse(year, qualifier + year + suffix);
                }
            } else if (note != null) {
                stated = note;
                suffix = "";
                d = UnDates.parse(note, qualifier + note);
            } else {
                return; // an empty <INDIVIDUAL_DATE_OF_BIRTH/>
            }
            if (d != null) {
                dates.putIfAbsent(key(d), d);
            } else {
                b.remark("Date of birth: " + qualifier + stated + suffix);
                warnings.add(file + " " + where + ": date of birth '" + stated + suffix
                        + "' is not a date; kept as a remark");
            }
        }

        private void address(PartyBuilder b, XmlNode a) {
            String country = collapse(a.childText("COUNTRY"));
            Address address = new Address(collapse(a.childText("STREET")), collapse(a.childText("CITY")),
                    collapse(a.childText("STATE_PROVINCE")), collapse(a.childText("ZIP_CODE")), country,
                    Countries.toIso2(country).orElse(null));
            b.address(address);
            String note = a.childText("NOTE");
            if (note != null) {
                String text = address.text();
                b.remark("Address" + (text.isEmpty() ? "" : " " + text) + ": " + note);
            }
        }

        /**
         * Adds a document; the UN often repeats one passport under French, Spanish and English labels, so documents
         * of the same type and number are merged, keeping the one that says the most.
         */
        private void document(PartyBuilder b, XmlNode doc, Map<String, Identifier> documents) {
            String label = join(" ", doc.childText("TYPE_OF_DOCUMENT"),
                    doc.childText("TYPE_OF_DOCUMENT2") == null ? null : "(" + doc.childText("TYPE_OF_DOCUMENT2") + ")");
            String number = collapse(doc.childText("NUMBER"));
            String country = doc.childText("ISSUING_COUNTRY") != null ? doc.childText("ISSUING_COUNTRY")
                    : doc.childText("COUNTRY_OF_ISSUE");
            String issued = doc.childText("DATE_OF_ISSUE");
            String city = doc.childText("CITY_OF_ISSUE");
            String note = join("; ", issued == null ? null : "issued " + issued,
                    city == null ? null : "issued in " + city, collapse(doc.childText("NOTE")));
            if (number == null) {
                if (note != null) {
                    b.remark((label == null ? "Document" : label) + ": " + note);
                }
                return;
            }
            Identifier id = new Identifier(documentType(label), label, number, country,
                    country == null ? null : Countries.toIso2(country).orElse(null), note);
            String key = id.type() + ":" + id.normalizedValue();
            Identifier earlier = documents.get(key);
            if (earlier == null || detail(id) > detail(earlier)) {
                documents.put(key, id);
            }
        }
    }

    /** Maps the UN's document wording, which is sometimes Spanish or French, to an identifier type. */
    static IdentifierType documentType(String label) {
        if (label == null) {
            return IdentifierType.OTHER;
        }
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("pasaporte") || l.contains("passeport")) {
            return IdentifierType.PASSPORT;
        }
        return IdentifierType.fromText(label);
    }

    /** How much a document entry says: fields present first, then the length of its note. */
    private static int detail(Identifier id) {
        int n = 0;
        for (String part : new String[] {id.label(), id.issuingCountry(), id.note()}) {
            n += part == null ? 0 : 10_000;
        }
        return n + (id.note() == null ? 0 : Math.min(id.note().length(), 9_999));
    }

    private static String gender(String g) {
        if (g == null) {
            return null;
        }
        String t = g.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "male", "m" -> "Male";
            case "female", "f" -> "Female";
            default -> g.strip();
        };
    }

    private static String key(PartialDate d) {
        return d.earliest() + "/" + d.latest() + "/" + d.precision();
    }

}
