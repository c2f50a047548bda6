package io.vigil.registry.source.ofacxml;

import io.vigil.registry.source.XmlNode;
import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.SecureXml;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.XmlListFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OFAC's classic XML list format ({@code <sdnList>}: {@code sdn.xml} and {@code consolidated.xml}) by
 * streaming it with StAX through {@link SecureXml}. Elements are matched by local name, whatever the namespace
 * ({@code http://tempuri.org/sdnList.xsd}, {@code …/consolidated.xsd} or none).
 *
 * <p>Which list the file is: the format does not say, so it is decided from the FILE NAME. A name starting with
 * {@code consolidated} (any case, e.g. {@code consolidated.xml}, {@code CONSOLIDATED_2018.xml}) is the non-SDN
 * {@link Authorities#OFAC_CONS_LIST}; any other name ({@code sdn.xml}) is the {@link Authorities#OFAC_SDN_LIST}.
 *
 * <p>Example: the entry
 * <pre>{@code
 * <sdnEntry><uid>43598</uid><firstName>Chol Min</firstName><lastName>CHOE</lastName><sdnType>Individual</sdnType>
 *   <programList><program>NPWMD</program></programList>
 *   <idList><id><uid>1</uid><idType>Linked To:</idType><idNumber>SECOND ACADEMY OF NATURAL SCIENCES</idNumber></id></idList>
 *   <dateOfBirthList><dateOfBirthItem><uid>2</uid><dateOfBirth>03 Apr 1978</dateOfBirth>…
 * }</pre>
 * becomes the party {@code ofac:43598}, INDIVIDUAL, name {@code "CHOE, Chol Min"} (given {@code Chol Min}, family
 * {@code CHOE}), date of birth 1978-04-03, relation {@code Linked To → SECOND ACADEMY OF NATURAL SCIENCES}, and one
 * designation (OFAC, SDN list, program {@code NPWMD}, reference {@code 43598}, url
 * {@code https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598}).
 *
 * <p>Mapping: {@code idList/id} whose {@code idType} is a statement ({@code "Additional Sanctions Information -"},
 * {@code "Secondary sanctions risk:"}, {@code "Former Vessel Flag"}…) becomes a remark, {@code "Linked To:"} a
 * {@link Relation} (as does {@code "Linked To: X"} inside {@code remarks}, where older files put it; the remark is
 * kept verbatim too), {@code "Gender"} the gender, anything else an {@link Identifier}. {@code vesselInfo/callSign}
 * is a CALL_SIGN identifier; vessel type, flag, owner and tonnages are remarks. A date of birth that cannot be read
 * is kept as the remark {@code "DOB <text>"} with a warning. {@code Publish_Date} ({@code MM/DD/YYYY}) is the
 * publication date. {@code Record_Count}, when present, must equal the number of entries read: a difference means a
 * truncated or edited file and fails the parse.
 */
public final class OfacClassicXmlParser implements ListParser {

    public static final String SOURCE_TYPE = "ofac-xml";
    static final String DETAILS_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=";
    static final String SDN_URL = "https://sanctionslist.ofac.treas.gov/Home/SdnList";
    static final String CONS_URL = "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList";

    private static final Pattern LINKED_TO = Pattern.compile("Linked To:\\s*([^;)]+)");

    public OfacClassicXmlParser() {
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        SourceFile sourceFile = ListFiles.hash(path);
        String file = path.getFileName().toString();
        boolean consolidated = file.toLowerCase(Locale.ROOT).startsWith("consolidated");
        String listName = consolidated ? Authorities.OFAC_CONS_LIST : Authorities.OFAC_SDN_LIST;
        State st = new State(file, listName);
        XmlListFile.read(path, st::where, r -> read(r, st));
        if (!st.sawRoot) {
            throw new ListParseException(file, null, "no <sdnList> root element: not an OFAC classic XML list");
        }
        if (st.recordCount != null && st.recordCount != st.parties.size()) {
            throw new ListParseException(file, "publshInformation/Record_Count",
                    "Record_Count says " + st.recordCount + " but " + st.parties.size()
                            + " sdnEntry elements were read (truncated or edited file?)");
        }
        LocalDate published = null;
        String note;
        if (st.publishDate == null) {
            note = "the file has no publshInformation/Publish_Date";
            st.warnings.add(file + ": no Publish_Date");
        } else {
            Optional<LocalDate> d = OfacDates.parseUsDay(st.publishDate);
            if (d.isPresent()) {
                published = d.get();
                note = "publshInformation/Publish_Date (MM/DD/YYYY): " + st.publishDate;
            } else {
                note = "publshInformation/Publish_Date not in MM/DD/YYYY form: " + st.publishDate;
                st.warnings.add(file + ": unreadable Publish_Date \"" + st.publishDate + "\"");
            }
        }
        ListSource source = new ListSource(SOURCE_TYPE, Authorities.OFAC, listName, published, note,
                consolidated ? CONS_URL : SDN_URL, List.of(sourceFile));
        return new ParsedList(source, st.parties, st.warnings);
    }

    private static final class State {
        final String file;
        final String listName;
        final List<Party> parties = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        boolean sawRoot;
        String publishDate;
        Integer recordCount;
        int entryNo;
        String uid;
        XmlNode current;

        State(String file, String listName) {
            this.file = file;
            this.listName = listName;
        }

        String where() {
            if (entryNo == 0) {
                return null;
            }
            String id = uid != null ? uid : current == null ? null : current.text("uid");
            return "sdnEntry #" + entryNo + (id == null ? "" : " (uid " + id + ")");
        }
    }

    private void read(XMLStreamReader r, State st) throws XMLStreamException, ListParseException {
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                if (depth == 1) {
                    if (!name.equals("sdnList")) {
                        throw new ListParseException(st.file, "line " + r.getLocation().getLineNumber(),
                                "root element is <" + name + ">, expected <sdnList>: not an OFAC classic XML list");
                    }
                    st.sawRoot = true;
                } else if (depth == 2 && name.equals("publshInformation")) {
                    XmlNode info = XmlNode.read(r);
                    depth--;
                    st.publishDate = info.text("Publish_Date");
                    String count = info.text("Record_Count");
                    if (count != null) {
                        try {
                            st.recordCount = Integer.parseInt(count);
                        } catch (NumberFormatException e) {
                            throw new ListParseException(st.file, "line " + info.line()
                                    + ", publshInformation/Record_Count", "not a number: " + count);
                        }
                    }
                } else if (depth == 2 && name.equals("sdnEntry")) {
                    st.entryNo++;
                    st.uid = null;
                    XmlNode entry = XmlNode.read(r, n -> st.current = n);
                    depth--;
                    st.uid = entry.text("uid");
                    st.parties.add(toParty(entry, st));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private Party toParty(XmlNode e, State st) throws ListParseException {
        String uid = e.text("uid");
        String where = "line " + e.line() + ", sdnEntry #" + st.entryNo + (uid == null ? "" : " (uid " + uid + ")");
        if (uid == null) {
            throw new ListParseException(st.file, where, "sdnEntry has no uid");
        }
        String lastName = e.text("lastName");
        String firstName = e.text("firstName");
        if (lastName == null && firstName == null) {
            throw new ListParseException(st.file, where, "sdnEntry has no lastName");
        }
        PartyType type = PartyType.fromText(e.text("sdnType"));
        PartyBuilder b = Party.builder("ofac:" + uid).type(type);
        b.name(name(lastName, firstName, NameKind.PRIMARY, NameQuality.STRONG, type));
        for (XmlNode aka : e.items("akaList", "aka")) {
            String ln = aka.text("lastName");
            String fn = aka.text("firstName");
            if (ln == null && fn == null) {
                st.warnings.add(st.file + " " + where + ": aka without a name skipped");
                continue;
            }
            NameQuality q = "weak".equalsIgnoreCase(aka.text("category")) ? NameQuality.WEAK : NameQuality.STRONG;
            b.name(name(ln, fn, NameKind.fromText(aka.text("type")), q, type));
        }
        b.title(e.text("title"));
        String remarks = e.text("remarks");
        b.remark(remarks);
        if (remarks != null) {
            // older files state links only in the remarks: "(Linked To: NATIONAL IRANIAN TANKER COMPANY)"
            Matcher linked = LINKED_TO.matcher(remarks);
            while (linked.find()) {
                b.relation(new Relation("Linked To", linked.group(1).strip(), null));
            }
        }
        for (XmlNode id : e.items("idList", "id")) {
            idItem(b, id);
        }
        for (XmlNode a : e.items("addressList", "address")) {
            String street = join(a.text("address1"), a.text("address2"), a.text("address3"));
            String country = a.text("country");
            b.address(new Address(street, a.text("city"), a.text("stateOrProvince"), a.text("postalCode"), country,
                    Countries.toIso2(country).orElse(null)));
        }
        for (XmlNode n : e.items("nationalityList", "nationality")) {
            b.nationality(Countries.codeOrName(n.text("country")));
        }
        for (XmlNode c : e.items("citizenshipList", "citizenship")) {
            b.citizenship(Countries.codeOrName(c.text("country")));
        }
        for (XmlNode d : e.items("dateOfBirthList", "dateOfBirthItem")) {
            String text = d.text("dateOfBirth");
            if (text == null) {
                continue;
            }
            OfacDates.parse(text).ifPresentOrElse(b::dateOfBirth, () -> {
                b.remark("DOB " + text);
                st.warnings.add(st.file + " " + where + ": date of birth \"" + text + "\" not understood, kept as remark");
            });
        }
        for (XmlNode p : e.items("placeOfBirthList", "placeOfBirthItem")) {
            b.placeOfBirth(p.text("placeOfBirth"));
        }
        XmlNode vessel = e.child("vesselInfo");
        if (vessel != null) {
            String callSign = vessel.text("callSign");
            if (callSign != null) {
                b.identifier(new Identifier(IdentifierType.CALL_SIGN, "Call Sign", callSign, null, null, null));
            }
            remarkIf(b, "Vessel Type", vessel.text("vesselType"));
            remarkIf(b, "Vessel Flag", vessel.text("vesselFlag"));
            remarkIf(b, "Vessel Owner", vessel.text("vesselOwner"));
            remarkIf(b, "Tonnage", vessel.text("tonnage"));
            remarkIf(b, "Gross Registered Tonnage", vessel.text("grossRegisteredTonnage"));
        }
        List<XmlNode> programs = e.items("programList", "program");
        for (XmlNode p : programs) {
            String program = p.text();
            if (program != null) {
                b.designation(new Designation(Authorities.OFAC, st.listName, program, null, null, uid,
                        DETAILS_URL + uid, SOURCE_TYPE));
            }
        }
        if (programs.stream().allMatch(p -> p.text() == null)) {
            st.warnings.add(st.file + " " + where + ": no program; designation recorded without one");
            b.designation(new Designation(Authorities.OFAC, st.listName, null, null, null, uid, DETAILS_URL + uid,
                    SOURCE_TYPE));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new ListParseException(st.file, where, ex.getMessage(), ex);
        }
    }

    private static void idItem(PartyBuilder b, XmlNode id) {
        String label = id.text("idType");
        String value = id.text("idNumber");
        switch (OfacLabels.classify(label)) {
            case LINKED_TO -> {
                if (value != null) {
                    b.relation(new Relation("Linked To", value, null));
                }
            }
            case GENDER -> b.gender(value);
            case REMARK -> b.remark(OfacLabels.remark(label, value));
            case IDENTIFIER -> {
                if (value == null) {
                    b.remark(label);
                    return;
                }
                String country = id.text("idCountry");
                List<String> notes = new ArrayList<>();
                if (id.text("issueDate") != null) {
                    notes.add("issued " + id.text("issueDate"));
                }
                if (id.text("expirationDate") != null) {
                    notes.add("expires " + id.text("expirationDate"));
                }
                b.identifier(OfacLabels.identifier(label, value, country,
                        country == null ? null : Countries.toIso2(country).orElse(null),
                        notes.isEmpty() ? null : String.join("; ", notes)));
            }
        }
    }

    private static PartyName name(String last, String first, NameKind kind, NameQuality quality, PartyType type) {
        String full = last == null ? first : first == null ? last : last + ", " + first;
        boolean person = type == PartyType.INDIVIDUAL;
        return new PartyName(full, person ? first : null, person ? last : null, kind, quality, null);
    }

    private static void remarkIf(PartyBuilder b, String label, String value) {
        if (value != null) {
            b.remark(label + ": " + value);
        }
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p.strip());
            }
        }
        return present.isEmpty() ? null : String.join(", ", present);
    }
}
