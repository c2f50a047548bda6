package io.vigil.registry.source.ofacxml;

import io.vigil.registry.source.XmlNode;
import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.Scripts;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.SecureXml;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.XmlListFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OFAC's Enhanced XML ({@code <sanctionsData>}, schema {@code ENHANCED_XML.xsd}: {@code SDN_ENHANCED.XML},
 * {@code CONS_ENHANCED.XML}), given as the plain {@code .xml} file or as the {@code .zip} OFAC publishes, holding
 * exactly one {@code .xml} entry. The ZIP entry is streamed straight into StAX ({@link SecureXml}), never extracted;
 * unsafe entry names, several XML entries and zip bombs are refused (see {@code ZipGuard}).
 *
 * <p>Example: {@code <entity id="43598">} with primary name {@code "CHOE, Chol Min"}, program {@code NPWMD}, legal
 * authority {@code "Executive Order 13382"}, list {@code "SDN List"} published 2023-06-15 and the feature
 * {@code Birthdate 03 Apr 1978} becomes the party {@code ofac:43598} (INDIVIDUAL, DOB 1978-04-03) with one
 * designation: OFAC, {@link Authorities#OFAC_SDN_LIST}, program {@code NPWMD}, legal basis
 * {@code "Executive Order 13382"}, listed on 2023-06-15, reference {@code 43598},
 * {@code https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598}.
 *
 * <p>Mapping:
 * <ul>
 *   <li>names/name: {@code isPrimary} → PRIMARY, else the alias type (A.K.A./F.K.A./N.K.A.); {@code isLowQuality}
 *       → WEAK. Each translation is a name; a non-primary translation in a non-Latin script is ORIGINAL_SCRIPT.
 *       The script comes from the translation's {@code script} (Latin → {@code Latn}, Cyrillic → {@code Cyrl},
 *       Chinese → {@code Hani}, Korean/Hangul → {@code Hang}…).</li>
 *   <li>features: Birthdate (from {@code valueDate} {@code fromDateBegin}…{@code toDateEnd}, else from the text),
 *       Place of Birth, Nationality Country, Citizenship Country, Gender; statements ("Secondary sanctions risk:",
 *       "Target Type", dates, flags…) → remarks; others (SWIFT/BIC, Website, MMSI, ISIN…) → identifiers.</li>
 *   <li>identityDocuments → identifiers (IMO numbers keep their seven digits); addresses: one per translation;
 *       relationships → {@link Relation} with target {@code ofac:<entityId>}.</li>
 *   <li>One designation per sanctions program. Its list is the entity's specific list (not the umbrella
 *       "Consolidated List"): known non-SDN programs go to their list (UKRAINE-EO13662 → Sectoral Sanctions
 *       Identifications List, NS-PLC → Non-SDN Palestinian Legislative Council List, CMIC-* → Non-SDN CMIC List,
 *       FSE-* → FSE List, 561-Related → CAPTA List); the other programs go to the SDN List when the entity is on it,
 *       else to its remaining specific list. {@code "SDN List"} is written as {@link Authorities#OFAC_SDN_LIST},
 *       {@code "Consolidated List"} as {@link Authorities#OFAC_CONS_LIST}, other list names as published. The listing
 *       date is that list's {@code datePublished}. The legal basis is the legal authority matching the program
 *       (same executive order number or country, e.g. UKRAINE-EO13662 → "Executive Order 13662 (Ukraine)"), or all
 *       the entity's legal authorities joined by "; " when none matches.</li>
 * </ul>
 * The publication date is {@code publicationInfo/dataAsOf}. The list is the consolidated one when
 * {@code publicationInfo/filters} names "Consolidated List", else the SDN list.
 */
public final class OfacEnhancedXmlParser implements ListParser {

    public static final String SOURCE_TYPE = "ofac-enhanced-xml";
    private static final String CONSOLIDATED = "Consolidated List";
    private static final String SDN = "SDN List";
    private static final Map<String, String> PROGRAM_LISTS = Map.of(
            "UKRAINE-EO13662", "Sectoral Sanctions Identifications List",
            "NS-PLC", "Non-SDN Palestinian Legislative Council List",
            "561-RELATED", "CAPTA List");
    private static final Map<String, String> PROGRAM_AUTHORITY_HINTS = Map.of(
            "SDGT", "Executive Order 13224",
            "NS-PLC", "General License 4");
    private static final Pattern EO_NUMBER = Pattern.compile("(?<!\\d)(1\\d{4})(?!\\d)");
    private static final Pattern PAREN = Pattern.compile("\\(([^)]*)\\)");

    private final ZipGuard.Limits zipLimits;

    public OfacEnhancedXmlParser() {
        this(ZipGuard.Limits.DEFAULT);
    }

    /** For tests: lower ZIP limits. */
    OfacEnhancedXmlParser(ZipGuard.Limits zipLimits) {
        this.zipLimits = zipLimits;
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        SourceFile sourceFile = ListFiles.hash(path);
        String file = path.getFileName().toString();
        boolean zip;
        try {
            zip = file.toLowerCase(Locale.ROOT).endsWith(".zip") || startsWithZipMagic(path);
        } catch (IOException e) {
            throw XmlListFile.unreadable(file, e, null);
        }
        State st = new State(file);
        if (zip) {
            try (ZipGuard.XmlEntry entry = ZipGuard.openSingleXml(path, zipLimits)) {
                st.entry = entry.name();
                for (String ignored : entry.ignoredEntries()) {
                    st.warnings.add(file + ": ignored non-XML entry \"" + ignored + "\"");
                }
                XmlListFile.read(file, entry.stream(), st::where, r -> read(r, st));
            } catch (IOException e) {
                throw XmlListFile.unreadable(file, e, st.where());
            }
        } else {
            XmlListFile.read(path, st::where, r -> read(r, st));
        }
        if (!st.sawRoot) {
            throw new ListParseException(file, st.entry == null ? null : "entry " + st.entry,
                    "no <sanctionsData> root element: not an OFAC Enhanced XML list");
        }
        if (!st.sawEntities) {
            throw new ListParseException(file, st.entry == null ? null : "entry " + st.entry,
                    "no <entities> element: not a complete OFAC Enhanced XML list");
        }
        boolean consolidated = st.filterLists.contains(CONSOLIDATED)
                || st.filterLists.isEmpty() && file.toLowerCase(Locale.ROOT).startsWith("cons");
        LocalDate asOf = null;
        String note;
        if (st.dataAsOf == null) {
            note = "publicationInfo/dataAsOf is missing";
            st.warnings.add(file + ": no publicationInfo/dataAsOf");
        } else {
            try {
                asOf = LocalDate.parse(st.dataAsOf.length() >= 10 ? st.dataAsOf.substring(0, 10) : st.dataAsOf);
                note = "publicationInfo/dataAsOf: " + st.dataAsOf;
            } catch (DateTimeException e) {
                note = "publicationInfo/dataAsOf not a date: " + st.dataAsOf;
                st.warnings.add(file + ": unreadable dataAsOf \"" + st.dataAsOf + "\"");
            }
        }
        ListSource source = new ListSource(SOURCE_TYPE, Authorities.OFAC,
                consolidated ? Authorities.OFAC_CONS_LIST : Authorities.OFAC_SDN_LIST, asOf, note,
                consolidated ? OfacClassicXmlParser.CONS_URL : OfacClassicXmlParser.SDN_URL, List.of(sourceFile));
        return new ParsedList(source, st.parties, st.warnings);
    }

    private static boolean startsWithZipMagic(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5);
        }
    }

    private record Ref(String type, String value, String code, String isoCode) {
    }

    private static final class State {
        final String file;
        String entry;
        final List<Party> parties = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<String, Ref> refs = new HashMap<>();
        final Set<String> filterLists = new LinkedHashSet<>();
        boolean sawRoot;
        boolean sawEntities;
        String dataAsOf;
        int entityNo;
        String entityId;

        State(String file) {
            this.file = file;
        }

        String where() {
            String e = entry == null ? null : "entry " + entry;
            if (entityNo == 0) {
                return e;
            }
            String ent = "entity #" + entityNo + (entityId == null ? "" : " (id " + entityId + ")");
            return e == null ? ent : e + ", " + ent;
        }
    }

    private void read(XMLStreamReader r, State st) throws XMLStreamException, ListParseException {
        int depth = 0;
        String section = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                if (depth == 1) {
                    if (!name.equals("sanctionsData")) {
                        throw new ListParseException(st.file, "line " + r.getLocation().getLineNumber(),
                                "root element is <" + name + ">, expected <sanctionsData>: not an OFAC Enhanced"
                                        + " XML list");
                    }
                    st.sawRoot = true;
                } else if (depth == 2) {
                    section = name;
                    if (name.equals("publicationInfo")) {
                        XmlNode info = XmlNode.read(r);
                        depth--;
                        section = null;
                        st.dataAsOf = info.text("dataAsOf");
                        XmlNode filters = info.child("filters");
                        if (filters != null) {
                            for (XmlNode l : filters.items("sanctionsLists", "sanctionsList")) {
                                if (l.text() != null) {
                                    st.filterLists.add(l.text());
                                }
                            }
                        }
                    } else if (name.equals("entities")) {
                        st.sawEntities = true;
                    }
                } else if (depth == 3 && "referenceValues".equals(section) && name.equals("referenceValue")) {
                    XmlNode v = XmlNode.read(r);
                    depth--;
                    String refId = v.attr("refId");
                    if (refId != null) {
                        st.refs.put(refId, new Ref(v.text("type"), v.text("value"), v.text("code"),
                                v.text("isoCode")));
                    }
                } else if (depth == 3 && "entities".equals(section) && name.equals("entity")) {
                    st.entityNo++;
                    st.entityId = r.getAttributeValue(null, "id");
                    XmlNode entity = XmlNode.read(r);
                    depth--;
                    st.parties.add(toParty(entity, st));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2) {
                    section = null;
                }
                depth--;
            }
        }
    }

    private record Listing(String name, LocalDate published) {
    }

    private Party toParty(XmlNode e, State st) throws ListParseException {
        String id = e.attr("id");
        String where = (st.entry == null ? "" : "entry " + st.entry + ", ") + "line " + e.line() + ", entity #"
                + st.entityNo + (id == null ? "" : " (id " + id + ")");
        if (id == null || id.isBlank()) {
            throw new ListParseException(st.file, where, "entity has no id attribute");
        }
        XmlNode general = e.child("generalInfo");
        PartyType type = PartyType.UNKNOWN;
        PartyBuilder b = Party.builder("ofac:" + id.strip());
        if (general != null) {
            type = PartyType.fromText(refText(st, general.child("entityType")));
            b.remark(general.text("remarks"));
            b.title(general.text("title"));
        }
        b.type(type);
        names(e, b, st, type);
        if (b.names().isEmpty()) {
            throw new ListParseException(st.file, where, "entity has no name");
        }
        for (XmlNode f : e.items("features", "feature")) {
            feature(f, b, st, where);
        }
        for (XmlNode d : e.items("identityDocuments", "identityDocument")) {
            document(d, b, st);
        }
        for (XmlNode a : e.items("addresses", "address")) {
            address(a, b, st);
        }
        for (XmlNode rel : e.items("relationships", "relationship")) {
            XmlNode target = rel.child("relatedEntity");
            if (target != null && target.text() != null) {
                String targetId = target.attr("entityId");
                b.relation(new Relation(Optional.ofNullable(refText(st, rel.child("type"))).orElse("Related to"),
                        target.text(), targetId == null ? null : "ofac:" + targetId.strip()));
            }
            if (rel.text("comments") != null) {
                b.remark(rel.text("comments"));
            }
        }
        designations(e, b, st, id.strip(), where);
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new ListParseException(st.file, where, ex.getMessage(), ex);
        }
    }

    private static void names(XmlNode e, PartyBuilder b, State st, PartyType type) {
        boolean person = type == PartyType.INDIVIDUAL;
        for (XmlNode n : e.items("names", "name")) {
            boolean primary = n.bool("isPrimary", false);
            NameKind kind = primary ? NameKind.PRIMARY : NameKind.fromText(refText(st, n.child("aliasType")));
            NameQuality quality = n.bool("isLowQuality", false) ? NameQuality.WEAK : NameQuality.STRONG;
            for (XmlNode t : n.items("translations", "translation")) {
                String first = t.text("formattedFirstName");
                String last = t.text("formattedLastName");
                String full = t.text("formattedFullName");
                if (full == null) {
                    full = last == null ? first : first == null ? last : last + ", " + first;
                }
                if (full == null) {
                    continue;
                }
                String script = script(st, t.child("script"), full);
                boolean latin = "Latn".equals(script);
                NameKind k = t.bool("isPrimary", true) || latin ? kind : NameKind.ORIGINAL_SCRIPT;
                b.name(new PartyName(full, person ? first : null, person ? last : null, k, quality, script));
            }
        }
    }

    private static String script(State st, XmlNode scriptNode, String text) {
        String name = refText(st, scriptNode);
        if (name != null) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("latin")) {
                return "Latn";
            }
            if (n.startsWith("cyrillic")) {
                return "Cyrl";
            }
            if (n.startsWith("chinese")) {
                return "Hani";
            }
            if (n.startsWith("korean") || n.startsWith("hangul")) {
                return "Hang";
            }
            if (n.startsWith("japanese")) {
                return "Jpan";
            }
            if (n.startsWith("arabic") || n.startsWith("persian")) {
                return "Arab";
            }
            if (n.startsWith("hebrew")) {
                return "Hebr";
            }
            Ref ref = scriptNode == null ? null : st.refs.get(scriptNode.attr("refId"));
            if (ref != null && ref.code() != null && ref.code().matches("[A-Z][a-z]{3}")) {
                return ref.code();
            }
        }
        return Scripts.detect(text);
    }

    private static void feature(XmlNode f, PartyBuilder b, State st, String where) {
        String label = f.text("type");
        String value = f.text("value");
        if (label == null) {
            return;
        }
        switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "birthdate" -> {
                Optional<PartialDate> d = period(f.child("valueDate"), value);
                if (d.isEmpty()) {
                    d = OfacDates.parse(value);
                }
                if (d.isPresent()) {
                    b.dateOfBirth(d.get());
                } else if (value != null) {
                    b.remark("DOB " + value);
                    st.warnings.add(st.file + " " + where + ": birthdate \"" + value
                            + "\" not understood, kept as remark");
                }
            }
            case "place of birth" -> b.placeOfBirth(value);
            case "nationality country" -> b.nationality(country(st, f.text("valueRefId"), value));
            case "citizenship country" -> b.citizenship(country(st, f.text("valueRefId"), value));
            default -> {
                if (value == null) {
                    b.remark(label);
                    return;
                }
                switch (OfacLabels.classify(label)) {
                    case GENDER -> b.gender(value);
                    case LINKED_TO -> b.relation(new Relation("Linked To", value, null));
                    case REMARK -> b.remark(OfacLabels.remark(label, value));
                    case IDENTIFIER -> b.identifier(OfacLabels.identifier(label, value, null, null,
                            f.text("comments")));
                }
            }
        }
    }

    /** A {@code datePeriodType}: {@code fromDateBegin} … {@code toDateEnd}, precision read off the bounds. */
    static Optional<PartialDate> period(XmlNode p, String text) {
        if (p == null) {
            return Optional.empty();
        }
        try {
            LocalDate from = date(first(p.text("fromDateBegin"), p.text("fromDateEnd"), p.text("toDateBegin")));
            LocalDate to = date(first(p.text("toDateEnd"), p.text("toDateBegin"), p.text("fromDateEnd")));
            if (from == null) {
                return Optional.empty();
            }
            if (to == null) {
                to = from;
            }
            DatePrecision precision;
            if (from.equals(to)) {
                precision = DatePrecision.DAY;
            } else if (from.getYear() == to.getYear() && from.getDayOfYear() == 1 && to.getMonthValue() == 12
                    && to.getDayOfMonth() == 31) {
                precision = DatePrecision.YEAR;
            } else if (YearMonth.from(from).equals(YearMonth.from(to)) && from.getDayOfMonth() == 1
                    && to.equals(YearMonth.from(to).atEndOfMonth())) {
                precision = DatePrecision.MONTH;
            } else {
                precision = DatePrecision.RANGE;
            }
            String t = text == null ? from + (from.equals(to) ? "" : " to " + to) : text;
            if (p.bool("isApproximate", false) && !t.toLowerCase(Locale.ROOT).matches(".*(circa|approx).*")) {
                t = "circa " + t;
            }
            return Optional.of(new PartialDate(from, to, precision, t));
        } catch (DateTimeException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static void document(XmlNode d, PartyBuilder b, State st) {
        String label = refText(st, d.child("type"));
        String number = d.text("documentNumber");
        if (number == null) {
            if (label != null) {
                b.remark(label);
            }
            return;
        }
        XmlNode countryNode = d.child("issuingCountry");
        String country = refText(st, countryNode);
        String code = countryNode == null ? null : country(st, countryNode.attr("refId"), country);
        if (code != null && code.length() != 2) {
            code = null;
        }
        List<String> notes = new ArrayList<>();
        documentDate(d, "issueDate", "issued", notes, st, number);
        documentDate(d, "expirationDate", "expires", notes, st, number);
        if (!d.bool("isValid", true)) {
            notes.add("marked not valid");
        }
        if (d.text("issuingAuthority") != null) {
            notes.add("issued by " + d.text("issuingAuthority"));
        }
        if (d.text("comments") != null) {
            notes.add(d.text("comments"));
        }
        if (OfacLabels.classify(label) == OfacLabels.Kind.REMARK && label != null
                && (label.endsWith(":") || label.endsWith("-"))) {
            b.remark(OfacLabels.remark(label, number));
            return;
        }
        b.identifier(OfacLabels.identifier(label, number, country, code,
                notes.isEmpty() ? null : String.join("; ", notes)));
    }

    /** Adds "issued 2013-10-19" to the notes; an unreadable date is noted as such and warned about. */
    private static void documentDate(XmlNode d, String element, String verb, List<String> notes, State st,
            String number) {
        XmlNode node = d.child(element);
        if (node == null) {
            return;
        }
        Optional<PartialDate> date = period(node, null);
        if (date.isPresent()) {
            notes.add(verb + " " + date.get().iso());
        } else if (node.text("fromDateBegin") != null || node.text("fromDateEnd") != null
                || node.text("toDateBegin") != null || node.text("toDateEnd") != null) {
            notes.add(verb + " (unreadable date)");
            st.warnings.add(st.file + " " + st.where() + ": document " + number + " has an unreadable " + element);
        }
    }

    private static void address(XmlNode a, PartyBuilder b, State st) {
        XmlNode translations = a.child("translations");
        XmlNode countryNode = a.child("country");
        if (countryNode == null && translations != null) {
            countryNode = translations.child("country");
        }
        String country = refText(st, countryNode);
        String code = countryNode == null ? null : country(st, countryNode.attr("refId"), country);
        if (code != null && code.length() != 2) {
            code = null;
        }
        List<XmlNode> ts = translations == null ? List.of() : translations.all("translation");
        if (ts.isEmpty()) {
            b.address(new Address(null, null, null, null, country, code));
            return;
        }
        for (XmlNode t : ts) {
            List<String> street = new ArrayList<>();
            String city = null;
            String region = null;
            String postal = null;
            for (XmlNode part : t.items("addressParts", "addressPart")) {
                String partType = refText(st, part.child("type"));
                String value = part.text("value");
                if (partType == null || value == null) {
                    continue;
                }
                switch (partType.toUpperCase(Locale.ROOT)) {
                    case "CITY" -> city = value;
                    case "STATE/PROVINCE", "REGION" -> region = region == null ? value : region + ", " + value;
                    case "POSTAL CODE" -> postal = value;
                    default -> street.add(value);
                }
            }
            b.address(new Address(street.isEmpty() ? null : String.join(", ", street), city, region, postal, country,
                    code));
        }
    }

    private void designations(XmlNode e, PartyBuilder b, State st, String id, String where) {
        List<Listing> listings = new ArrayList<>();
        for (XmlNode l : e.items("sanctionsLists", "sanctionsList")) {
            String name = refText(st, l);
            if (name == null) {
                continue;
            }
            LocalDate published = null;
            String dp = l.attr("datePublished");
            if (dp != null && !dp.isBlank()) {
                try {
                    published = LocalDate.parse(dp.strip().length() > 10 ? dp.strip().substring(0, 10) : dp.strip());
                } catch (DateTimeException ex) {
                    st.warnings.add(st.file + " " + where + ": datePublished \"" + dp + "\" not a date");
                }
            }
            listings.add(new Listing(name, published));
        }
        List<Listing> specific = listings.stream().filter(l -> !l.name().equals(CONSOLIDATED)).toList();
        if (specific.isEmpty()) {
            specific = listings;
        }
        List<String> programs = new ArrayList<>();
        for (XmlNode p : e.items("sanctionsPrograms", "sanctionsProgram")) {
            String program = refText(st, p);
            if (program != null) {
                programs.add(program);
            }
        }
        List<String> authorities = new ArrayList<>();
        for (XmlNode a : e.items("legalAuthorities", "legalAuthority")) {
            String authority = refText(st, a);
            if (authority != null) {
                authorities.add(authority);
            }
        }
        if (programs.isEmpty()) {
            st.warnings.add(st.file + " " + where + ": no sanctions program; designation recorded without one");
            programs.add(null);
        }
        // known non-SDN programs claim their list; the others share what is left, the SDN List first
        Map<String, Listing> chosen = new HashMap<>();
        Set<String> claimed = new LinkedHashSet<>();
        for (String program : programs) {
            String known = knownList(program);
            if (known != null) {
                for (Listing l : specific) {
                    if (l.name().equalsIgnoreCase(known)) {
                        chosen.put(program, l);
                        claimed.add(l.name());
                    }
                }
            }
        }
        List<Listing> unclaimed = specific.stream().filter(l -> !claimed.contains(l.name())).toList();
        Listing fallback = pickSdnFirst(unclaimed.isEmpty() ? specific : unclaimed);
        Map<String, String> bases = legalBases(programs, authorities);
        for (String program : programs) {
            Listing listing = chosen.getOrDefault(program, fallback);
            String listName = listing == null ? Authorities.OFAC_CONS_LIST : listName(listing.name());
            LocalDate listedOn = listing == null ? null : listing.published();
            b.designation(new Designation(Authorities.OFAC, listName, program, bases.get(program), listedOn, id,
                    OfacClassicXmlParser.DETAILS_URL + id, SOURCE_TYPE));
        }
    }

    private static String knownList(String program) {
        if (program == null) {
            return null;
        }
        String p = program.toUpperCase(Locale.ROOT);
        if (PROGRAM_LISTS.containsKey(p)) {
            return PROGRAM_LISTS.get(p);
        }
        if (p.startsWith("CMIC")) {
            return "Non-SDN CMIC List";
        }
        if (p.startsWith("FSE-")) {
            return "FSE List";
        }
        return null;
    }

    private static Listing pickSdnFirst(List<Listing> candidates) {
        for (Listing l : candidates) {
            if (l.name().equals(SDN)) {
                return l;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static String listName(String published) {
        if (published.equals(SDN)) {
            return Authorities.OFAC_SDN_LIST;
        }
        if (published.equals(CONSOLIDATED)) {
            return Authorities.OFAC_CONS_LIST;
        }
        return published;
    }

    /** Program → legal basis: the authority naming the program's order number or country, else all of them. */
    static Map<String, String> legalBases(List<String> programs, List<String> authorities) {
        Map<String, String> out = new HashMap<>();
        String all = authorities.isEmpty() ? null : String.join("; ", authorities);
        if (programs.size() == 1) {
            out.put(programs.get(0), all);
            return out;
        }
        Set<String> used = new LinkedHashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String program : programs) {
            List<String> matches = new ArrayList<>();
            for (String authority : authorities) {
                if (matches(program, authority)) {
                    matches.add(authority);
                }
            }
            if (matches.isEmpty()) {
                unmatched.add(program);
            } else {
                used.addAll(matches);
                out.put(program, String.join("; ", matches));
            }
        }
        List<String> rest = authorities.stream().filter(a -> !used.contains(a)).toList();
        for (String program : unmatched) {
            out.put(program, rest.isEmpty() ? all : String.join("; ", rest));
        }
        return out;
    }

    private static boolean matches(String program, String authority) {
        if (program == null) {
            return false;
        }
        String p = program.toUpperCase(Locale.ROOT);
        String a = authority.toUpperCase(Locale.ROOT);
        String hint = PROGRAM_AUTHORITY_HINTS.get(p);
        if (hint != null) {
            return a.contains(hint.toUpperCase(Locale.ROOT));
        }
        Matcher m = EO_NUMBER.matcher(p);
        boolean programHasNumber = false;
        while (m.find()) {
            programHasNumber = true;
            if (a.contains(m.group(1))) {
                return true;
            }
        }
        if (programHasNumber) {
            return false;
        }
        Matcher paren = PAREN.matcher(a);
        while (paren.find()) {
            for (String word : paren.group(1).split("[^A-Z]+")) {
                if (word.length() >= 4 && p.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The element's text, or the referenced value's text when the element is empty. */
    private static String refText(State st, XmlNode node) {
        if (node == null) {
            return null;
        }
        if (node.text() != null) {
            return node.text();
        }
        Ref ref = node.attr("refId") == null ? null : st.refs.get(node.attr("refId"));
        return ref == null ? null : ref.value();
    }

    /** ISO alpha-2 from the referenced country's isoCode when it is one, else from the name; else the name. */
    private static String country(State st, String refId, String name) {
        Ref ref = refId == null ? null : st.refs.get(refId.strip());
        if (ref != null && ref.isoCode() != null && ref.isoCode().matches("[A-Z]{2}")) {
            return ref.isoCode();
        }
        String n = name != null ? name : ref == null ? null : ref.value();
        return n == null ? null : Countries.codeOrName(n);
    }
}
