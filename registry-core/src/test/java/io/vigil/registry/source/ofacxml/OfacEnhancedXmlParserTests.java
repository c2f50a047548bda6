package io.vigil.registry.source.ofacxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacEnhancedXmlParserTests {

    private final OfacEnhancedXmlParser parser = new OfacEnhancedXmlParser();

    @TempDir
    Path tmp;

    private static Map<String, Party> byId(ParsedList list) {
        return list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    private static Path fixture() {
        return OfacClassicXmlParserTests.fixture("SDN_ENHANCED.XML");
    }

    @Test
    void parse_fixture_readsSourceAndEntities() throws Exception {
        // given the enhanced fixture (plain XML, filter "SDN List", dataAsOf 2023-06-16)
        Path file = fixture();
        // when parsed
        ParsedList list = parser.parse(file);
        // then the source cites dataAsOf and the file hash, and the three entities are read in order
        assertThat(parser.sourceType()).isEqualTo("ofac-enhanced-xml");
        assertThat(list.source().sourceType()).isEqualTo("ofac-enhanced-xml");
        assertThat(list.source().authority()).isEqualTo(Authorities.OFAC);
        assertThat(list.source().listName()).isEqualTo(Authorities.OFAC_SDN_LIST);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2023, 6, 16));
        assertThat(list.source().publicationDateNote()).contains("publicationInfo/dataAsOf");
        assertThat(list.source().files()).containsExactly(Hashing.sourceFile(file));
        assertThat(list.parties()).extracting(Party::id).containsExactly("ofac:43598", "ofac:15036", "ofac:18268");
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void parse_choeCholMin_mapsEveryField() throws Exception {
        // given the fixture entity modelled on CHOE Chol Min; when parsed
        Party p = byId(parser.parse(fixture())).get("ofac:43598");
        // then every field is mapped, the Hangul translation being an original-script name
        assertThat(p.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(p.names()).containsExactly(
                new PartyName("CHOE, Chol Min", "Chol Min", "CHOE", NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("최철민", "철민", "최", NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG, "Hang"),
                new PartyName("CHOE, Chol-min", "Chol-min", "CHOE", NameKind.AKA, NameQuality.STRONG, "Latn"));
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofDay(1978, 4, 3, "03 Apr 1978"));
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.addresses()).containsExactly(new Address(null, "Beijing", null, null, "China", "CN"));
        assertThat(p.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "Passport", "108410050",
                "Korea, North", "KP", "expires 2023-10-19"));
        assertThat(p.relations()).containsExactly(
                new Relation("Associate Of", "SECOND ACADEMY OF NATURAL SCIENCES", "ofac:12215"));
        assertThat(p.remarks()).containsExactly(
                "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210");
        assertThat(p.designations()).containsExactly(new Designation(Authorities.OFAC, Authorities.OFAC_SDN_LIST,
                "NPWMD", "Executive Order 13382", LocalDate.of(2023, 6, 15), "43598",
                "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598", "ofac-enhanced-xml"));
    }

    @Test
    void parse_vessel_mapsImoMmsiCallSign() throws Exception {
        // given the fixture vessel ARTAVIL; when parsed
        Party p = byId(parser.parse(fixture())).get("ofac:15036");
        // then IMO (bare digits), call sign and MMSI are identifiers; type, flag and sanctions info are remarks
        assertThat(p.type()).isEqualTo(PartyType.VESSEL);
        assertThat(p.names()).extracting(PartyName::fullName, PartyName::kind)
                .containsExactly(tuple("ARTAVIL", NameKind.PRIMARY), tuple("ALPHA", NameKind.FKA));
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.CALL_SIGN, "Vessel Call Sign", "T2EU4", null, null, null),
                new Identifier(IdentifierType.MMSI, "MMSI", "572469210", null, null, null),
                new Identifier(IdentifierType.IMO, "Vessel Registration Identification", "9187629", null, null, null));
        assertThat(p.remarks()).containsExactly("Vessel Type: Crude/Oil Products Tanker", "Vessel Flag: Iran",
                "Additional Sanctions Information - Subject to Secondary Sanctions");
        assertThat(p.relations()).containsExactly(
                new Relation("Associate Of", "NATIONAL IRANIAN TANKER COMPANY", "ofac:15117"));
        assertThat(p.designations()).containsExactly(new Designation(Authorities.OFAC, Authorities.OFAC_SDN_LIST,
                "IRAN", "Executive Order 13599 (Iran)", LocalDate.of(2018, 11, 5), "15036",
                "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=15036", "ofac-enhanced-xml"));
    }

    @Test
    void parse_twoProgramsOnTwoLists_matchesProgramToListAndLegalAuthority() throws Exception {
        // given EXIMBANK (SSI + SDN lists, programs RUSSIA-EO14024 and UKRAINE-EO13662); when parsed
        Party p = byId(parser.parse(fixture())).get("ofac:18268");
        // then UKRAINE-EO13662 is on the SSI list under EO 13662, RUSSIA-EO14024 on the SDN list under EO 14024
        assertThat(p.designations()).extracting(Designation::program, Designation::listName,
                Designation::legalBasis, Designation::listedOn).containsExactly(
                        tuple("RUSSIA-EO14024", Authorities.OFAC_SDN_LIST, "Executive Order 14024 (Russia)",
                                LocalDate.of(2022, 2, 24)),
                        tuple("UKRAINE-EO13662", "Sectoral Sanctions Identifications List",
                                "Executive Order 13662 (Ukraine)", LocalDate.of(2015, 7, 30)));
        assertThat(p.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(p.names()).containsExactly(
                new PartyName("EXIMBANK OF RUSSIA JSC", null, null, NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("AO ROSEKSIMBANK", null, null, NameKind.AKA, NameQuality.WEAK, "Latn"),
                new PartyName("АО РОСЭКСИМБАНК", null, null, NameKind.ORIGINAL_SCRIPT, NameQuality.WEAK, "Cyrl"));
        assertThat(p.addresses()).containsExactly(new Address("12 Krasnopresnenskaya Embankments", "Moscow", null,
                "123610", "Russia", "RU"));
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.SWIFT_BIC, "SWIFT/BIC", "EXIRRUMM", null, null, null),
                new Identifier(IdentifierType.REGISTRATION, "Registration ID", "1027739109133", "Russia", "RU", null));
        assertThat(p.remarks()).containsExactly("All offices worldwide", "Organization Established Date: 24 May 1994");
        assertThat(p.datesOfBirth()).isEmpty();
    }

    @Test
    void legalBases_unmatchedPrograms_shareTheRemainingAuthorities() {
        // given programs that name no order number; when matched
        Map<String, String> bases = OfacEnhancedXmlParser.legalBases(List.of("NS-PLC", "SDGT"),
                List.of("General License 4 Under EO 13224 (Terrorism)", "Executive Order 13224 (Terrorism)"));
        // then the known hints pick the right authority for each
        assertThat(bases).containsEntry("NS-PLC", "General License 4 Under EO 13224 (Terrorism)")
                .containsEntry("SDGT", "Executive Order 13224 (Terrorism)");
        // and an unknown pairing falls back to all of them
        assertThat(OfacEnhancedXmlParser.legalBases(List.of("AAA", "BBB"), List.of("Act X", "Act Y")))
                .containsEntry("AAA", "Act X; Act Y").containsEntry("BBB", "Act X; Act Y");
    }

    @Test
    void parse_realConsEnhancedZip_reads443EntitiesOf2025_01_10() throws Exception {
        // given the real CONS_ENHANCED.ZIP
        Path zip = SharedLists.require("ofac/CONS_ENHANCED.ZIP");
        // when parsed straight from the ZIP
        long start = System.nanoTime();
        ParsedList list = parser.parse(zip);
        long ms = (System.nanoTime() - start) / 1_000_000;
        // then 443 parties (80 individuals, 363 organizations) as of 2025-01-10, citing the ZIP's hash
        assertThat(list.parties()).hasSize(443);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(list.source().listName()).isEqualTo(Authorities.OFAC_CONS_LIST);
        assertThat(list.source().files()).containsExactly(Hashing.sourceFile(zip));
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(207_200L);
        assertThat(list.parties().stream().collect(Collectors.groupingBy(Party::type, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(PartyType.INDIVIDUAL, 80L, PartyType.ORGANIZATION, 363L));
        // 79 entities with 2 programs and one with 4: 443 + 79 + 3 designations; every one has a legal basis
        assertThat(list.parties()).flatExtracting(Party::designations).hasSize(525)
                .allSatisfy(d -> assertThat(d.legalBasis()).isNotBlank())
                .allSatisfy(d -> assertThat(d.listedOn()).isNotNull());
        assertThat(list.parties()).flatExtracting(Party::relations).hasSize(283)
                .allSatisfy(r -> assertThat(r.targetPartyId()).startsWith("ofac:"));
        assertThat(list.parties()).flatExtracting(Party::names)
                .filteredOn(n -> n.kind() == NameKind.ORIGINAL_SCRIPT).extracting(PartyName::script)
                .containsOnly("Cyrl", "Hani");
        Party first = list.parties().get(0);
        assertThat(first.id()).isEqualTo("ofac:9639");
        assertThat(first.primaryName()).isEqualTo("HANIYA, Ismail Abdul Salah");
        assertThat(first.datesOfBirth()).containsExactly(PartialDate.ofYear(1962, "1962"));
        assertThat(first.placesOfBirth()).containsExactly("Shati");
        assertThat(first.designations()).containsExactly(new Designation(Authorities.OFAC,
                "Non-SDN Palestinian Legislative Council List", "NS-PLC",
                "General License 4 Under EO 13224 (Terrorism)", LocalDate.of(2006, 4, 12), "9639",
                "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=9639", "ofac-enhanced-xml"));
        Party eximbank = byId(list).get("ofac:18268");
        assertThat(eximbank.designations()).extracting(Designation::program, Designation::listName,
                Designation::listedOn).containsExactly(
                        tuple("UKRAINE-EO13662", "Sectoral Sanctions Identifications List", LocalDate.of(2015, 7, 30)),
                        tuple("RUSSIA-EO14024", Authorities.OFAC_SDN_LIST, LocalDate.of(2018, 8, 15)));
        assertThat(list.warnings()).isEmpty();
        System.out.println("OFAC CONS_ENHANCED.ZIP: " + list.parties().size() + " parties in " + ms + " ms");
    }

    @Test
    void parse_realConsEnhancedPlainXml_sameAsZip() throws Exception {
        // given the real ZIP and its XML entry unzipped to a temp dir
        Path zip = SharedLists.require("ofac/CONS_ENHANCED.ZIP");
        Path xml = tmp.resolve("CONS_ENHANCED.XML");
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            ZipEntry e = zf.getEntry("CONS_ENHANCED.XML");
            try (InputStream in = zf.getInputStream(e)) {
                Files.copy(in, xml);
            }
        }
        // when both are parsed
        ParsedList fromZip = parser.parse(zip);
        ParsedList fromXml = parser.parse(xml);
        // then the parties are identical; only the cited file differs
        assertThat(fromXml.parties()).isEqualTo(fromZip.parties());
        assertThat(fromXml.source().publicationDate()).isEqualTo(fromZip.source().publicationDate());
        assertThat(fromXml.source().mainFile().name()).isEqualTo("CONS_ENHANCED.XML");
        assertThat(fromXml.source().mainFile().sizeBytes()).isEqualTo(3_420_879L);
    }

    // ---- hostile and malformed input, plain XML ----

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void parse_xxeDoctype_isRefusedNamingFileAndLine() throws Exception {
        // given a DOCTYPE with an external entity to /etc/passwd
        Path f = write("x.xml", HEAD + HostileXml.xxeDoctype("sanctionsData")
                + "<sanctionsData><publicationInfo><dataAsOf>&xxe;</dataAsOf></publicationInfo></sanctionsData>");
        // when parsed; then refused with the file and line named
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("x.xml line 2").hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void parse_billionLaughs_isRefused() throws Exception {
        // given an entity-expansion bomb
        Path f = write("x.xml", HEAD + HostileXml.billionLaughsDoctype("lolz")
                + "<sanctionsData>&lol9;</sanctionsData>");
        // when parsed; then refused
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("x.xml line").hasMessageContaining("DOCTYPE");
    }

    @Test
    void parse_truncatedFile_namesFileLineAndEntity() throws Exception {
        // given the fixture cut in the middle of the vessel entity
        String full = Files.readString(fixture(), StandardCharsets.UTF_8);
        int cut = full.indexOf("<value>Crude/Oil") + 10;
        Path f = write("SDN_ENHANCED.XML", full.substring(0, cut));
        // when parsed; then the message names file, line and entity
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("SDN_ENHANCED.XML line ").hasMessageContaining("entity #2 (id 15036)")
                .hasMessageContaining("truncated");
    }

    @Test
    void parse_cutAfterAnEntity_isStillTruncated() throws Exception {
        // given the fixture cut right after the first </entity>, so every record read is complete
        String full = Files.readString(fixture(), StandardCharsets.UTF_8);
        int cut = full.indexOf("</entity>") + "</entity>".length();
        Path f = write("SDN_ENHANCED.XML", full.substring(0, cut));
        // when parsed; then the unclosed document fails, never a partial list
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("SDN_ENHANCED.XML line ").hasMessageContaining("truncated");
    }

    @Test
    void parse_invalidUtf8_isAClearEncodingError() throws Exception {
        // given bytes declared UTF-8 but holding Latin-1 0xE9
        String full = Files.readString(fixture(), StandardCharsets.UTF_8);
        byte[] bytes = full.replace("ARTAVIL</formattedLastName>", "ARTAV\u00e9L</formattedLastName>")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(tmp.resolve("SDN_ENHANCED.XML"), bytes);
        // when parsed; then the file, line and the encoding problem are named
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("SDN_ENHANCED.XML").hasMessageContaining("line ")
                .hasMessageContaining("encoding");
    }

    @Test
    void parse_emptyFile_isRefused() throws Exception {
        // given an empty file; when parsed; then "file is empty"
        Path f = write("SDN_ENHANCED.XML", "");
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("SDN_ENHANCED.XML: file is empty");
    }

    @Test
    void parse_nonXmlText_isRefused() throws Exception {
        // given plain text
        Path f = write("SDN_ENHANCED.XML", "<html>Access denied</html oops");
        // when parsed; then refused naming file and line
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("SDN_ENHANCED.XML line 1");
    }

    @Test
    void parse_classicFormatGivenToEnhancedParser_isRefused() throws Exception {
        // given the classic sdnList format; when parsed as Enhanced XML; then the wrong root is named
        Path f = Files.copy(OfacClassicXmlParserTests.fixture("sdn.xml"), tmp.resolve("sdn.xml"));
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessageContaining("sdn.xml line").hasMessageContaining("<sdnList>");
    }

    @Test
    void parse_noEntities_isRefused() throws Exception {
        // given a document with publication info only (an edited or cut-down file)
        Path f = write("SDN_ENHANCED.XML", HEAD + "<sanctionsData><publicationInfo><dataAsOf>2025-01-10T00:00:00"
                + "</dataAsOf></publicationInfo></sanctionsData>");
        // when parsed; then refused
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(ListParseException.class)
                .hasMessage("SDN_ENHANCED.XML: no <entities> element: not a complete OFAC Enhanced XML list");
    }

    @Test
    void parse_oddBirthdate_isRemarkWithWarning() throws Exception {
        // given an entity whose birthdate has no valueDate and unreadable text
        String full = Files.readString(fixture(), StandardCharsets.UTF_8);
        String odd = full.replaceFirst("(?s)<value>03 Apr 1978</value>\\s*<valueDate id=\"70015\">.*?</valueDate>",
                "<value>early 1978?</value>");
        Path f = write("SDN_ENHANCED.XML", odd);
        // when parsed
        ParsedList list = parser.parse(f);
        // then the date is a remark, a warning names the entity, and the file still parses
        Party p = byId(list).get("ofac:43598");
        assertThat(p.datesOfBirth()).isEmpty();
        assertThat(p.remarks()).contains("DOB early 1978?");
        assertThat(list.warnings()).singleElement().asString().contains("SDN_ENHANCED.XML").contains("id 43598")
                .contains("early 1978?");
        assertThat(list.parties()).hasSize(3);
    }

    @Test
    void parse_oddDocumentDate_isNotedWithWarning() throws Exception {
        // given the passport's expiration date garbled
        String full = Files.readString(fixture(), StandardCharsets.UTF_8);
        Path f = write("SDN_ENHANCED.XML", full.replace("<fromDateBegin>2023-10-19</fromDateBegin>",
                "<fromDateBegin>2023-19-10</fromDateBegin>").replace("<toDateEnd>2023-10-19</toDateEnd>",
                "<toDateEnd>19 Oct 2023</toDateEnd>"));
        // when parsed
        ParsedList list = parser.parse(f);
        // then the passport is kept, its note says the date is unreadable, and a warning names entity and number
        assertThat(byId(list).get("ofac:43598").identifiers()).extracting(Identifier::value, Identifier::note)
                .containsExactly(tuple("108410050", "expires (unreadable date)"));
        assertThat(list.warnings()).singleElement().asString().contains("SDN_ENHANCED.XML")
                .contains("entity #1 (id 43598)").contains("108410050").contains("expirationDate");
    }

    // ---- ZIP handling ----

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path z = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return z;
    }

    private static byte[] fixtureBytes() throws IOException {
        return Files.readAllBytes(fixture());
    }

    @Test
    void parse_zipOfFixture_sameAsPlainAndCitesZip() throws Exception {
        // given the fixture zipped with a readme beside it
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("README.txt", "hello".getBytes(StandardCharsets.US_ASCII));
        entries.put("SDN_ENHANCED.XML", fixtureBytes());
        Path z = zip("SDN_ENHANCED.ZIP", entries);
        // when parsed
        ParsedList list = parser.parse(z);
        // then the parties equal the plain file's, the source cites the ZIP, the readme is a warning
        assertThat(list.parties()).isEqualTo(parser.parse(fixture()).parties());
        assertThat(list.source().files()).containsExactly(Hashing.sourceFile(z));
        assertThat(list.warnings()).containsExactly("SDN_ENHANCED.ZIP: ignored non-XML entry \"README.txt\"");
    }

    @Test
    void parse_zipWithPathTraversal_isRefused() throws Exception {
        // given a ZIP whose entry climbs out of the target directory
        Path z = zip("evil.zip", Map.of("../evil.xml", fixtureBytes()));
        // when parsed; then refused, naming the entry
        assertThatThrownBy(() -> parser.parse(z)).isInstanceOf(ListParseException.class)
                .hasMessage("evil.zip entry \"../evil.xml\": unsafe entry name (path traversal or absolute path);"
                        + " refusing the archive");
    }

    @Test
    void parse_zipWithAbsoluteEntry_isRefused() throws Exception {
        // given a ZIP with an absolute entry name; when parsed; then refused
        Path z = zip("abs.zip", Map.of("/tmp/list.xml", fixtureBytes()));
        assertThatThrownBy(() -> parser.parse(z)).isInstanceOf(ListParseException.class)
                .hasMessageContaining("abs.zip entry \"/tmp/list.xml\"").hasMessageContaining("unsafe entry name");
    }

    @Test
    void parse_zipWithTwoXmlEntries_isRefused() throws Exception {
        // given two XML entries (which one is the list?)
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("a.xml", fixtureBytes());
        entries.put("b.XML", fixtureBytes());
        Path z = zip("two.zip", entries);
        // when parsed; then refused naming both
        assertThatThrownBy(() -> parser.parse(z)).isInstanceOf(ListParseException.class)
                .hasMessage("two.zip entry \"b.XML\": more than one XML entry (\"a.xml\" and \"b.XML\"); expected"
                        + " exactly one");
    }

    @Test
    void parse_zipWithoutXml_isRefused() throws Exception {
        // given a ZIP with no XML; when parsed; then refused
        Path z = zip("none.zip", Map.of("list.csv", "a,b".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> parser.parse(z)).isInstanceOf(ListParseException.class)
                .hasMessage("none.zip: the archive holds no .xml entry");
    }

    @Test
    void parse_corruptZip_isRefused() throws Exception {
        // given a .zip file that is not a ZIP; when parsed; then refused as such
        Path z = write("CONS_ENHANCED.ZIP", "this is not a zip archive");
        assertThatThrownBy(() -> parser.parse(z)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("CONS_ENHANCED.ZIP: not a valid ZIP archive");
    }

    @Test
    void parse_zipBomb_isRefusedByRatio() throws Exception {
        // given a 6 MB entry of blanks (compresses about 1000:1), streamed into the ZIP, and limits lowered so
        // the ratio guard applies past 1 MB
        Path z = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("bomb.xml"));
            out.write((HEAD + "<sanctionsData>").getBytes(StandardCharsets.US_ASCII));
            writeBlanks(out, 6L * 1024 * 1024);
            out.write("</sanctionsData>".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        OfacEnhancedXmlParser guarded = new OfacEnhancedXmlParser(
                new ZipGuard.Limits(2L * 1024 * 1024 * 1024, 200, 1024 * 1024));
        // when parsed; then refused before inflating, naming the entry and the guard
        assertThatThrownBy(() -> guarded.parse(z)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("bomb.zip entry \"bomb.xml\": compression ratio ")
                .hasMessageContaining("zip bomb guard");
    }

    @Test
    void parse_zipEntryOverSizeCap_isRefused() throws Exception {
        // given the fixture zipped, and a size cap smaller than it
        Path z = zip("SDN_ENHANCED.ZIP", Map.of("SDN_ENHANCED.XML", fixtureBytes()));
        OfacEnhancedXmlParser guarded = new OfacEnhancedXmlParser(new ZipGuard.Limits(10_000, 200, 1024 * 1024));
        // when parsed; then refused by the declared size
        assertThatThrownBy(() -> guarded.parse(z)).isInstanceOf(ListParseException.class)
                .hasMessageContaining("SDN_ENHANCED.ZIP entry \"SDN_ENHANCED.XML\": declares ")
                .hasMessageContaining("over the limit of 10000 (zip bomb guard)");
    }

    @Test
    void boundedStream_headersThatLie_stillStopAtTheLimit() throws Exception {
        // given an inflating stream whose real output passes the ratio once past the floor
        byte[] zeros = new byte[3 * 1024 * 1024];
        Arrays.fill(zeros, (byte) ' ');
        ZipGuard.Limits limits = new ZipGuard.Limits(2L * 1024 * 1024 * 1024, 200, 1024 * 1024);
        // compressed size claimed: 1000 bytes, so 3 MB is a 3000:1 ratio
        InputStream in = new ZipGuard.Bounded(new ByteArrayInputStream(zeros), "x.xml", 1000, limits);
        // when read; then it fails once past the 1 MB floor, with the zip bomb message
        assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(ZipGuard.LimitExceeded.class)
                .hasMessage("entry \"x.xml\" inflates more than 200:1 (zip bomb guard)");
        InputStream capped = new ZipGuard.Bounded(new ByteArrayInputStream(zeros), "x.xml", zeros.length,
                new ZipGuard.Limits(1000, 200, 1024 * 1024));
        assertThatThrownBy(() -> capped.readAllBytes()).isInstanceOf(ZipGuard.LimitExceeded.class)
                .hasMessage("entry \"x.xml\" inflates past 1000 bytes (zip bomb guard)");
    }

    private static void writeBlanks(OutputStream out, long count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        for (long written = 0; written < count; written += chunk.length) {
            out.write(chunk);
        }
    }
}
