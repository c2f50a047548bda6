package io.vigil.registry.source.uk;

import io.vigil.registry.source.XmlNode;
import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.source.ListFiles;
import io.vigil.registry.source.XmlListFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the FCDO's "UK Sanctions List" in its XML form ({@code UK-Sanctions-List.xml}); source type
 * {@code uk-fcdo}. Streams the file with {@link SecureXml}: one {@code <Designation>} at a time.
 *
 * <p>Structure (from the published format; optional elements may be absent): root {@code <Designations>} whose
 * first child {@code <DateGenerated>DD/MM/YYYY</DateGenerated>} is the publication date, then one
 * {@code <Designation>} per designation with {@code LastUpdated}, {@code DateDesignated}, {@code UniqueID}
 * (e.g. {@code RUS0001}), {@code OFSIGroupID}, {@code UNReferenceNumber}, {@code Names/Name} ({@code Name1..Name6},
 * {@code NameType} "Primary Name" / "Primary name variation" / "Alias", {@code AliasStrength} "Good quality a.k.a" /
 * "Low quality a.k.a"), {@code NonLatinNames/NonLatinName/NameNonLatinScript}, {@code Titles/Title},
 * {@code RegimeName}, {@code IndividualEntityShip} (Individual / Entity / Ship), {@code DesignationSource} (UK / UN),
 * {@code SanctionsImposed}, {@code OtherInformation}, {@code UKStatementofReasons}, {@code Addresses/Address}
 * ({@code AddressLine1..6}, {@code AddressPostalCode}, {@code AddressCountry}), {@code PhoneNumbers},
 * {@code EmailAddresses}, {@code Websites}, {@code IndividualDetails/Individual} ({@code DOBs/DOB},
 * {@code Nationalities/Nationality}, {@code BirthDetails/Location(TownOfBirth, CountryOfBirth)},
 * {@code Genders/Gender}, {@code PassportDetails/Passport(PassportNumber, PassportAdditionalInformation)},
 * {@code NationalIdentifierDetails/NationalIdentifier(NationalIdentifierNumber,
 * NationalIdentifierAdditionalInformation)}, {@code Positions/Position}), {@code EntityDetails/Entity}
 * ({@code TypeOfEntities}, {@code BusinessRegistrationNumbers}, {@code ParentCompanies}, {@code Subsidiaries}) and
 * {@code ShipDetails/Ship} ({@code IMONumbers/IMONumber}, {@code CurrentOwnerOperators},
 * {@code CurrentBelievedFlagOfShips}, {@code PreviousFlags}, {@code TypeOfShipDetails}, {@code TonnageOfShipDetails},
 * {@code LengthOfShipDetails}, {@code YearsBuilt}, {@code HullIdentificationNumbers}). Unknown elements are ignored.
 *
 * <p>Mapping: party id {@code uk:<OFSIGroupID>} when present (the same id the OFSI CSV gives the party), else
 * {@code uk:<UniqueID>}; designations sharing an OFSI group id become one party with one designation each.
 * Designation: authority {@link Authorities#UK_FCDO}, program = RegimeName, legalBasis = RegimeName when it names
 * regulations ("… Regulations 2019") else null, listedOn = DateDesignated, sourceReference = UniqueID.
 *
 * <p>Example: {@code <Designation><DateDesignated>03/10/2017</DateDesignated><UniqueID>DPR0075</UniqueID>
 * <Names><Name><Name6>Petrel 8</Name6><NameType>Primary Name</NameType></Name></Names>
 * <RegimeName>The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019</RegimeName>
 * <IndividualEntityShip>Ship</IndividualEntityShip><ShipDetails><Ship><IMONumbers><IMONumber>IMO9562233
 * </IMONumber></IMONumbers></Ship></ShipDetails></Designation>} → vessel {@code uk:DPR0075} "Petrel 8", identifier
 * IMO {@code 9562233}, designation listed on 2017-10-03 with sourceReference {@code DPR0075}.
 */
public final class UkSanctionsListParser implements ListParser {

    public static final String SOURCE_TYPE = "uk-fcdo";
    public static final String URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list";

    private static final Pattern REGULATIONS = Pattern.compile("(?i).*\\bRegulations\\b.*\\b\\d{4}\\b.*");

    public UkSanctionsListParser() {
    }

    @Override
    public String sourceType() {
        return SOURCE_TYPE;
    }

    @Override
    public ParsedList parse(Path path) throws ListParseException {
        SourceFile sourceFile = ListFiles.hash(path);
        String file = path.getFileName().toString();
        Run run = new Run(file);
        try {
            XmlListFile.read(path, () -> run.current, run::read);
        } catch (RuntimeException e) {
            // some StAX implementations report broken input (bad encoding, truncation) as runtime exceptions
            throw new ListParseException(file, run.current, "malformed XML: " + e.getMessage(), e);
        }
        if (run.designations == 0) {
            throw new ListParseException(file, null, "no <Designation> elements: the list is empty");
        }
        List<Party> out = new ArrayList<>(run.parties.size());
        for (PartyAccumulator acc : run.parties.values()) {
            out.add(acc.build());
        }
        ListSource source = new ListSource(SOURCE_TYPE, Authorities.UK_FCDO, Authorities.UK_FCDO_LIST,
                run.generated, run.generated != null ? "<DateGenerated> element (DD/MM/YYYY)"
                        : run.sawDateGenerated ? "<DateGenerated> present but not DD/MM/YYYY"
                        : "the file has no <DateGenerated> element",
                URL, List.of(sourceFile));
        return new ParsedList(source, out, run.warnings);
    }

    /** The state of one parse. */
    private final class Run {
        private final String file;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, PartyAccumulator> parties = new LinkedHashMap<>();
        private LocalDate generated;
        private boolean sawDateGenerated;
        private int designations;
        private String current;

        Run(String file) {
            this.file = file;
        }

        void read(XMLStreamReader r) throws XMLStreamException, ListParseException {
            int event = r.next();
            while (event != XMLStreamConstants.START_ELEMENT) {
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new ListParseException(file, "line " + r.getLocation().getLineNumber(),
                            "no root element");
                }
                event = r.next();
            }
            if (!"Designations".equals(r.getLocalName())) {
                throw new ListParseException(file, "line " + r.getLocation().getLineNumber(),
                        "not a UK Sanctions List XML: root element is <" + r.getLocalName()
                                + ">, expected <Designations>");
            }
            Set<String> ignored = new LinkedHashSet<>();
            while (true) {
                event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break; // </Designations>
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new XMLStreamException("document ends inside <Designations>", r.getLocation());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                int line = r.getLocation().getLineNumber();
                if (name.equals("Designation")) {
                    designations++;
                    current = "element Designation #" + designations + " (line " + line + ")";
                    XmlNode node = XmlNode.read(r);
                    designation(file, node, designations, parties, warnings);
                } else if (name.equals("DateGenerated")) {
                    current = "element DateGenerated (line " + line + ")";
                    String text = XmlNode.read(r).text();
                    sawDateGenerated = true;
                    Optional<LocalDate> d = UkText.day(text);
                    if (d.isEmpty()) {
                        warnings.add(file + " line " + line + ": DateGenerated '" + text
                                + "' is not DD/MM/YYYY; publication date left empty");
                    }
                    generated = d.orElse(null);
                } else {
                    current = "element " + name + " (line " + line + ")";
                    XmlNode.read(r);
                    if (ignored.add(name)) {
                        warnings.add(file + " line " + line + ": element <" + name + "> ignored");
                    }
                }
            }
            while (r.hasNext()) {
                r.next(); // the document must end cleanly after </Designations>
            }
        }
    }

    private void designation(String file, XmlNode d, int index, Map<String, PartyAccumulator> parties,
            List<String> warnings) throws ListParseException {
        String uniqueId = d.childText("UniqueID");
        String where = "element Designation #" + index + " (line " + d.line
                + (uniqueId == null ? "" : ", UniqueID " + uniqueId) + ")";
        if (uniqueId == null) {
            throw new ListParseException(file, where, "missing UniqueID");
        }
        String groupId = d.childText("OFSIGroupID");
        String id = "uk:" + (groupId != null ? groupId : uniqueId);
        String typeText = d.childText("IndividualEntityShip");
        PartyType type = PartyType.fromText(typeText);
        if (type == PartyType.UNKNOWN) {
            warnings.add(file + " " + where + ": IndividualEntityShip '" + typeText + "' not recognised; type UNKNOWN");
        }
        PartyAccumulator acc = parties.get(id);
        if (acc == null) {
            acc = new PartyAccumulator(id, where);
            acc.builder.type(type);
            parties.put(id, acc);
        } else if (acc.type() != type) {
            warnings.add(file + " " + where + ": OFSIGroupID " + groupId + " is " + type + " here but "
                    + acc.type() + " in " + acc.firstLocation + "; kept the first");
        }

        String dateText = d.childText("DateDesignated");
        LocalDate listedOn = null;
        if (dateText != null) {
            listedOn = UkText.day(dateText).orElseThrow(() -> new ListParseException(file, where,
                    "DateDesignated '" + dateText + "' is not DD/MM/YYYY"));
        }

        // names
        boolean named = false;
        for (XmlNode n : d.all("Names", "Name")) {
            List<String> given = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String part = n.childText("Name" + i);
                if (part != null) {
                    given.add(part);
                }
            }
            String family = n.childText("Name6");
            String givenText = given.isEmpty() ? null : String.join(" ", given);
            String full = givenText == null ? family : family == null ? givenText : givenText + " " + family;
            if (full == null) {
                warnings.add(file + " " + where + ": empty <Name> at line " + n.line + " skipped");
                continue;
            }
            String nameType = n.childText("NameType");
            NameKind kind = UkOfsiCsvParser.aliasKind(nameType);
            if (kind == null) {
                warnings.add(file + " " + where + ": NameType '" + nameType + "' not recognised; read as alias");
                kind = NameKind.AKA;
            }
            NameQuality quality = UkOfsiCsvParser.quality(n.childText("AliasStrength"));
            boolean individual = type == PartyType.INDIVIDUAL;
            acc.name(new PartyName(full, individual ? givenText : null, individual ? family : null, kind, quality,
                    null));
            named = true;
        }
        for (XmlNode n : d.all("NonLatinNames", "NonLatinName")) {
            String nonLatin = n.childText("NameNonLatinScript");
            if (nonLatin != null) {
                acc.name(PartyName.of(nonLatin, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG));
                named = true;
            }
        }
        if (!named && !acc.hasNames()) {
            throw new ListParseException(file, where, "designation has no name");
        }
        d.texts("Titles", "Title").forEach(acc.builder::title);

        // regime and citation
        String regime = d.childText("RegimeName");
        String legalBasis = regime != null && REGULATIONS.matcher(regime).matches() ? regime : null;
        acc.builder.designation(new Designation(Authorities.UK_FCDO, Authorities.UK_FCDO_LIST, regime, legalBasis,
                listedOn, uniqueId, URL, SOURCE_TYPE));
        // the UK Sanctions List reference, which the OFSI 2022 layout cites in Other Information: links the two
        acc.builder.identifier(new Identifier(IdentifierType.UK_SANCTIONS_LIST_REF, "UniqueID", uniqueId, null, null,
                null));
        String unRef = d.childText("UNReferenceNumber");
        if (unRef != null) {
            acc.builder.identifier(new Identifier(IdentifierType.UN_REFERENCE, "UNReferenceNumber", unRef, null,
                    null, null));
        }
        String source = d.childText("DesignationSource");
        if (source != null) {
            acc.remark("Designation source: " + source);
        }
        String imposed = d.childText("SanctionsImposed");
        if (imposed != null) {
            acc.remark("Sanctions imposed: " + imposed);
        }
        String other = d.childText("OtherInformation");
        if (other != null) {
            acc.remark(other);
            for (String ref : UkText.unReferences(other)) {
                acc.builder.identifier(new Identifier(IdentifierType.UN_REFERENCE, "UN Ref", ref, null, null, null));
            }
        }
        String reasons = d.childText("UKStatementofReasons");
        if (reasons != null) {
            acc.remark("UK statement of reasons: " + reasons);
        }

        // addresses and contact details
        for (XmlNode a : d.all("Addresses", "Address")) {
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                String l = a.childText("AddressLine" + i);
                if (l != null) {
                    lines.add(l);
                }
            }
            String country = a.childText("AddressCountry");
            acc.builder.address(new Address(lines.isEmpty() ? null : String.join(", ", lines), null, null,
                    a.childText("AddressPostalCode"), country, UkText.countryCode(country)));
        }
        for (String phone : d.texts("PhoneNumbers", "PhoneNumber")) {
            acc.builder.identifier(new Identifier(IdentifierType.OTHER, "Phone number", phone, null, null, null));
        }
        for (String email : d.texts("EmailAddresses", "EmailAddress")) {
            acc.builder.identifier(new Identifier(IdentifierType.EMAIL, "Email address", email, null, null, null));
        }
        for (String site : d.texts("Websites", "Website")) {
            acc.builder.identifier(new Identifier(IdentifierType.WEBSITE, "Website", site, null, null, null));
        }

        individual(file, where, d, acc, warnings);
        entity(d, acc);
        ship(d, acc);
    }

    private static void individual(String file, String where, XmlNode d, PartyAccumulator acc,
            List<String> warnings) {
        XmlNode details = d.child("IndividualDetails");
        if (details == null) {
            return;
        }
        for (XmlNode p : details.children) {
            if (!p.name.equals("Individual")) {
                continue;
            }
            for (String dob : p.texts("DOBs", "DOB")) {
                Optional<PartialDate> date = UkText.dateOfBirth(dob);
                if (date.isPresent()) {
                    acc.builder.dateOfBirth(date.get());
                } else {
                    warnings.add(file + " " + where + ": DOB '" + dob + "' not understood; kept as a remark");
                    acc.remark("DOB as published: " + dob);
                }
            }
            for (String n : p.texts("Nationalities", "Nationality")) {
                acc.builder.nationality(UkText.nationality(n));
            }
            for (XmlNode loc : p.all("BirthDetails", "Location")) {
                String town = loc.childText("TownOfBirth");
                String country = loc.childText("CountryOfBirth");
                if (town != null || country != null) {
                    acc.builder.placeOfBirth(town == null ? country : country == null ? town : town + ", " + country);
                }
            }
            for (String g : p.texts("Genders", "Gender")) {
                acc.builder.gender(g);
            }
            for (XmlNode pass : p.all("PassportDetails", "Passport")) {
                String number = pass.childText("PassportNumber");
                String info = pass.childText("PassportAdditionalInformation");
                if (number != null) {
                    acc.builder.identifier(new Identifier(IdentifierType.PASSPORT, "Passport", number, null, null,
                            info));
                } else {
                    UkText.documents(IdentifierType.PASSPORT, "Passport", info).forEach(acc.builder::identifier);
                }
            }
            for (XmlNode nid : p.all("NationalIdentifierDetails", "NationalIdentifier")) {
                String number = nid.childText("NationalIdentifierNumber");
                String info = nid.childText("NationalIdentifierAdditionalInformation");
                if (number != null) {
                    acc.builder.identifier(new Identifier(IdentifierType.NATIONAL_ID, "National Identifier", number,
                            null, null, info));
                } else {
                    UkText.documents(IdentifierType.NATIONAL_ID, "National Identifier", info)
                            .forEach(acc.builder::identifier);
                }
            }
            p.texts("Positions", "Position").forEach(acc.builder::title);
        }
    }

    private static void entity(XmlNode d, PartyAccumulator acc) {
        XmlNode details = d.child("EntityDetails");
        if (details == null) {
            return;
        }
        for (XmlNode e : details.children) {
            if (!e.name.equals("Entity")) {
                continue;
            }
            e.texts("TypeOfEntities", "TypeOfEntity").forEach(t -> acc.remark("Type of entity: " + t));
            for (String reg : e.texts("BusinessRegistrationNumbers", "BusinessRegistrationNumber")) {
                acc.builder.identifier(new Identifier(IdentifierType.REGISTRATION, "Business registration number",
                        reg, null, null, null));
            }
            for (String parent : e.texts("ParentCompanies", "ParentCompany")) {
                acc.builder.relation(new Relation("Parent company", parent, null));
            }
            for (String sub : e.texts("Subsidiaries", "Subsidiary")) {
                acc.builder.relation(new Relation("Subsidiary", sub, null));
            }
        }
    }

    private static void ship(XmlNode d, PartyAccumulator acc) {
        XmlNode details = d.child("ShipDetails");
        if (details == null) {
            return;
        }
        for (XmlNode s : details.children) {
            if (!s.name.equals("Ship")) {
                continue;
            }
            for (String imo : s.texts("IMONumbers", "IMONumber")) {
                String value = imo.replaceFirst("(?i)^IMO\\s*[:.]?\\s*", "");
                acc.builder.identifier(new Identifier(IdentifierType.IMO, "IMO number", value.isEmpty() ? imo : value,
                        null, null, value.equals(imo) ? null : imo));
            }
            for (String hull : s.texts("HullIdentificationNumbers", "HullIdentificationNumber")) {
                acc.builder.identifier(new Identifier(IdentifierType.OTHER, "Hull identification number", hull, null,
                        null, null));
            }
            for (String owner : s.texts("CurrentOwnerOperators", "CurrentOwnerOperator")) {
                acc.builder.relation(new Relation("Current owner/operator", owner, null));
            }
            s.texts("CurrentBelievedFlagOfShips", "CurrentBelievedFlagOfShip")
                    .forEach(f -> acc.remark("Current believed flag: " + f));
            s.texts("PreviousFlags", "PreviousFlag").forEach(f -> acc.remark("Previous flag: " + f));
            s.texts("TypeOfShipDetails", "TypeOfShip").forEach(t -> acc.remark("Type of ship: " + t));
            s.texts("TonnageOfShipDetails", "TonnageOfShip").forEach(t -> acc.remark("Tonnage: " + t));
            s.texts("LengthOfShipDetails", "LengthOfShip").forEach(t -> acc.remark("Length: " + t));
            s.texts("YearsBuilt", "YearBuilt").forEach(t -> acc.remark("Year built: " + t));
        }
    }
}
