package io.vigil.registry.source.ofacxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.source.Hashing;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.testing.HostileXml;
import io.vigil.registry.testing.SharedLists;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacClassicXmlParserTests {

    private final OfacClassicXmlParser parser = new OfacClassicXmlParser();

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(OfacClassicXmlParserTests.class.getResource("/fixtures/ofac-xml/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Party> byId(ParsedList list) {
        return list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    @Test
    void parse_fixture_readsSourceAndEveryEntry() throws Exception {
        // given the classic fixture named sdn.xml
        Path file = fixture("sdn.xml");
        // when parsed
        ParsedList list = parser.parse(file);
        // then the source is the SDN list of 2023-06-15 with the file's hash, and all 4 entries are read in order
        assertThat(parser.sourceType()).isEqualTo("ofac-xml");
        assertThat(list.source().sourceType()).isEqualTo("ofac-xml");
        assertThat(list.source().authority()).isEqualTo(Authorities.OFAC);
        assertThat(list.source().listName()).isEqualTo(Authorities.OFAC_SDN_LIST);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(list.source().publicationDateNote()).contains("Publish_Date").contains("06/15/2023");
        assertThat(list.source().url()).isEqualTo("https://sanctionslist.ofac.treas.gov/Home/SdnList");
        assertThat(list.source().files()).hasSize(1);
        assertThat(list.source().mainFile().name()).isEqualTo("sdn.xml");
        assertThat(list.source().mainFile().sha256()).isEqualTo(Hashing.sha256(file));
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(Files.size(file));
        assertThat(list.parties()).extracting(Party::id)
                .containsExactly("ofac:43598", "ofac:15036", "ofac:39497", "ofac:99902");
    }

    @Test
    void parse_choeCholMin_mapsEveryField() throws Exception {
        // given the fixture entry modelled on CHOE Chol Min (43598); when parsed
        Party p = byId(parser.parse(fixture("sdn.xml"))).get("ofac:43598");
        // then every field is mapped
        assertThat(p.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(p.primaryName()).isEqualTo("CHOE, Chol Min");
        assertThat(p.names()).containsExactly(
                new PartyName("CHOE, Chol Min", "Chol Min", "CHOE", NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("CHOE, Chol-min", "Chol-min", "CHOE", NameKind.AKA, NameQuality.STRONG, "Latn"));
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofDay(1978, 4, 3, "03 Apr 1978"));
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.citizenships()).isEmpty();
        assertThat(p.placesOfBirth()).isEmpty();
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.addresses()).containsExactly(new Address(null, "Beijing", null, null, "China", "CN"));
        assertThat(p.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "Passport", "108410050",
                "Korea, North", "KP", "expires 19 Oct 2023"));
        assertThat(p.relations()).containsExactly(new Relation("Linked To", "SECOND ACADEMY OF NATURAL SCIENCES", null));
        assertThat(p.remarks()).containsExactly(
                "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210",
                "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea"
                        + " Sanctions Regulations section 510.214");
        assertThat(p.titles()).isEmpty();
        assertThat(p.designations()).containsExactly(new Designation(Authorities.OFAC, Authorities.OFAC_SDN_LIST,
                "NPWMD", null, null, "43598", "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598",
                "ofac-xml"));
    }

    @Test
    void parse_vessel_mapsImoCallSignAndVesselInfo() throws Exception {
        // given the fixture vessel ARTAVIL (15036); when parsed
        Party p = byId(parser.parse(fixture("sdn.xml"))).get("ofac:15036");
        // then IMO (bare digits), MMSI and call sign are identifiers; flags, type and tonnage are remarks
        assertThat(p.type()).isEqualTo(PartyType.VESSEL);
        assertThat(p.names()).containsExactly(
                new PartyName("ARTAVIL", null, null, NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("ALPHA", null, null, NameKind.FKA, NameQuality.STRONG, "Latn"));
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.IMO, "Vessel Registration Identification", "9187629", null, null, null),
                new Identifier(IdentifierType.MMSI, "MMSI", "572469210", null, null, null),
                new Identifier(IdentifierType.CALL_SIGN, "Call Sign", "T2EU4", null, null, null));
        assertThat(p.relations()).containsExactly(new Relation("Linked To", "NATIONAL IRANIAN TANKER COMPANY", null));
        assertThat(p.remarks()).containsExactly(
                "Former Vessel Flag: Malta",
                "Additional Sanctions Information - Subject to Secondary Sanctions",
                "Vessel Type: Crude/Oil Products Tanker",
                "Vessel Flag: Iran",
                "Tonnage: 99144",
                "Gross Registered Tonnage: 56068");
        assertThat(p.datesOfBirth()).isEmpty();
        assertThat(p.gender()).isNull();
        assertThat(p.designations()).extracting(Designation::program, Designation::sourceReference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IRAN", "15036"));
    }

    @Test
    void parse_oddEntry_keepsUnreadableDateAsRemarkWithWarning() throws Exception {
        // given the synthetic entry 99902 with circa, range and unreadable dates, weak and n.k.a. aliases
        ParsedList list = parser.parse(fixture("sdn.xml"));
        Party p = byId(list).get("ofac:99902");
        // then readable dates are dates, the unreadable one is a remark plus a warning naming file and entry
        assertThat(p.datesOfBirth()).extracting(PartialDate::iso, PartialDate::precision, PartialDate::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1960", DatePrecision.YEAR, "circa 1960"),
                        org.assertj.core.groups.Tuple.tuple("1953/1954", DatePrecision.RANGE,
                                "01 Jan 1953 to 31 Dec 1954"));
        assertThat(p.remarks()).containsExactly("Synthetic entry for parser tests.", "DOB sometime in the 1970s");
        assertThat(list.warnings()).anySatisfy(w -> assertThat(w).contains("sdn.xml").contains("uid 99902")
                .contains("sometime in the 1970s"));
        assertThat(p.names()).containsExactly(
                new PartyName("EXAMPLE, Odd Date", "Odd Date", "EXAMPLE", NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("ABU EXAMPLE", null, "ABU EXAMPLE", NameKind.AKA, NameQuality.WEAK, "Latn"),
                new PartyName("EXEMPLAR, Odd", "Odd", "EXEMPLAR", NameKind.NKA, NameQuality.STRONG, "Latn"));
        assertThat(p.titles()).containsExactly("Director, Example Trading Co.");
        assertThat(p.citizenships()).containsExactly("IR");
        assertThat(p.placesOfBirth()).containsExactly("Tehran, Iran");
        assertThat(p.addresses()).containsExactly(new Address("Building 4, 12 Example Street", "Dubai", "Dubai",
                "12345", "United Arab Emirates", "AE"));
        assertThat(p.designations()).extracting(Designation::program).containsExactly("SDGT", "IRGC");
        // and YU Jin's year-only DOB
        assertThat(byId(list).get("ofac:39497").datesOfBirth()).containsExactly(PartialDate.ofYear(1960, "1960"));
    }

    @Test
    void parse_consolidatedFileName_isNonSdnList() throws Exception {
        // given the same content under a consolidated* file name
        Path cons = Files.copy(fixture("sdn.xml"), tmp.resolve("consolidated.xml"));
        // when parsed
        ParsedList list = parser.parse(cons);
        // then source and designations name the consolidated (non-SDN) list
        assertThat(list.source().listName()).isEqualTo(Authorities.OFAC_CONS_LIST);
        assertThat(list.source().url()).isEqualTo("https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList");
        assertThat(list.parties()).flatExtracting(Party::designations).extracting(Designation::listName)
                .containsOnly(Authorities.OFAC_CONS_LIST);
    }

    @Test
    void parse_realConsolidatedXml_reads639EntriesOf2018() throws Exception {
        // given the real OFAC consolidated.xml of 2018-04-06
        Path file = SharedLists.require("ofac/consolidated.xml");
        // when parsed
        long start = System.nanoTime();
        ParsedList list = parser.parse(file);
        long ms = (System.nanoTime() - start) / 1_000_000;
        // then 639 parties (471 entities, 94 individuals, 74 vessels), published 2018-04-06
        assertThat(list.parties()).hasSize(639);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2018, 4, 6));
        assertThat(list.source().listName()).isEqualTo(Authorities.OFAC_CONS_LIST);
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(1_087_045L);
        Map<PartyType, Long> types = list.parties().stream()
                .collect(Collectors.groupingBy(Party::type, Collectors.counting()));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(
                Map.of(PartyType.ORGANIZATION, 471L, PartyType.INDIVIDUAL, 94L, PartyType.VESSEL, 74L));
        assertThat(list.parties()).allSatisfy(p -> assertThat(p.designations()).isNotEmpty());
        // the first entry, as published
        Party first = list.parties().get(0);
        assertThat(first.id()).isEqualTo("ofac:4632");
        assertThat(first.primaryName()).isEqualTo("BANK MARKAZI JOMHOURI ISLAMI IRAN");
        assertThat(first.designations()).extracting(Designation::program).containsExactly("IRAN");
        assertThat(first.remarks()).anySatisfy(r -> assertThat(r).startsWith("Additional Sanctions Information - "));
        // 74 vessels carry an IMO number; no DOB was unreadable
        assertThat(list.parties()).filteredOn(p -> p.type() == PartyType.VESSEL)
                .allSatisfy(p -> assertThat(p.identifiers()).extracting(Identifier::type).contains(IdentifierType.IMO));
        assertThat(list.warnings()).noneMatch(w -> w.contains("date of birth"));
        // links stated only in the remarks, "(Linked To: …)", become relations too
        assertThat(byId(list).get("ofac:15084").relations())
                .containsExactly(new Relation("Linked To", "NATIONAL IRANIAN TANKER COMPANY", null));
        System.out.println("OFAC classic consolidated.xml: " + list.parties().size() + " parties in " + ms + " ms");
    }

    // ---- hostile and malformed input ----

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    @Test
    void parse_xxeDoctype_isRefusedNamingFileAndLine() throws Exception {
        // given a DOCTYPE with an external entity pointing at /etc/passwd
        Path f = write("sdn.xml", HEAD + HostileXml.xxeDoctype("sdnList")
                + "<sdnList><publshInformation><Record_Count>1</Record_Count></publshInformation>"
                + "<sdnEntry><uid>1</uid><lastName>&xxe;</lastName><sdnType>Entity</sdnType>"
                + "<programList><program>X</program></programList></sdnEntry></sdnList>");
        // when parsed; then refused, naming the file and the line, never reading /etc/passwd
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.xml line 2").hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void parse_billionLaughs_isRefused() throws Exception {
        // given the billion-laughs entity expansion
        Path f = write("sdn.xml", HEAD + HostileXml.billionLaughsDoctype("sdnList")
                + "<sdnList><sdnEntry><uid>1</uid><lastName>&lol9;</lastName>"
                + "</sdnEntry></sdnList>");
        // when parsed; then refused at once
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.xml line").hasMessageContaining("DOCTYPE");
    }

    @Test
    void parse_truncatedFile_namesFileLineAndEntry() throws Exception {
        // given the fixture cut in the middle of the third entry's element
        String full = Files.readString(fixture("sdn.xml"), StandardCharsets.UTF_8);
        int cut = full.indexOf("<firstName>Jin</firstName>") + "<firstName>J".length();
        Path f = write("sdn.xml", full.substring(0, cut));
        // when parsed; then it fails naming the file, the line and the entry being read
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.xml line ").hasMessageContaining("sdnEntry #3 (uid 39497)")
                .hasMessageContaining("truncated");
    }

    @Test
    void parse_invalidUtf8_isAClearEncodingError() throws Exception {
        // given a file declared UTF-8 holding a Latin-1 byte (0xE9) in a name
        byte[] head = (HEAD + "<sdnList><publshInformation><Record_Count>1</Record_Count></publshInformation>\n"
                + "<sdnEntry><uid>1</uid><lastName>CAF").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("</lastName><sdnType>Entity</sdnType><programList><program>X</program></programList>"
                + "</sdnEntry></sdnList>").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, all, head.length + 1, tail.length);
        Path f = Files.write(tmp.resolve("sdn.xml"), all);
        // when parsed; then the message names the file, the line and the encoding
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.xml line 3").hasMessageContaining("encoding");
    }

    @Test
    void parse_emptyFile_isRefused() throws Exception {
        // given an empty file; when parsed; then "file is empty"
        Path f = write("sdn.xml", "");
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.xml: file is empty");
    }

    @Test
    void parse_nonXmlText_isRefusedNamingLine() throws Exception {
        // given plain text (e.g. an HTML error page saved as the list)
        Path f = write("sdn.xml", "Service Unavailable\nplease retry later\n");
        // when parsed; then refused naming file and line
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.xml line 1").hasMessageContaining("not an XML document");
    }

    @Test
    void parse_otherXmlRoot_isRefused() throws Exception {
        // given well-formed XML of another format
        Path f = write("sdn.xml", HEAD + "<sanctionsData><entities/></sanctionsData>");
        // when parsed; then refused, naming the root element
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("sdn.xml line 2").hasMessageContaining("<sanctionsData>");
    }

    @Test
    void parse_recordCountMismatch_signalsEditedFile() throws Exception {
        // given the fixture with one entry fewer than Record_Count says
        String full = Files.readString(fixture("sdn.xml"), StandardCharsets.UTF_8);
        Path f = write("sdn.xml", full.replace("<Record_Count>4</Record_Count>", "<Record_Count>5</Record_Count>"));
        // when parsed; then the mismatch fails the parse
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.xml publshInformation/Record_Count: Record_Count says 5 but 4 sdnEntry elements were"
                        + " read (truncated or edited file?)");
    }

    @Test
    void parse_entryWithoutUid_namesTheEntry() throws Exception {
        // given an entry with no uid
        Path f = write("sdn.xml", HEAD + "<sdnList>\n<sdnEntry><lastName>X</lastName><sdnType>Entity</sdnType>"
                + "<programList><program>X</program></programList></sdnEntry></sdnList>");
        // when parsed; then it names the line and entry number
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.xml line 3, sdnEntry #1: sdnEntry has no uid");
    }
}
