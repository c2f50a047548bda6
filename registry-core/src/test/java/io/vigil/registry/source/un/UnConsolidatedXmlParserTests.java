package io.vigil.registry.source.un;

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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnConsolidatedXmlParserTests {

    private static final String PYONGYANG = "Democratic People's Republic of Korea";

    private final UnConsolidatedXmlParser parser = new UnConsolidatedXmlParser();

    @TempDir
    Path tmp;

    private static Path fixture() throws URISyntaxException {
        return Path.of(UnConsolidatedXmlParserTests.class.getResource("/fixtures/un/consolidated.xml").toURI());
    }

    private static Map<String, Party> byId(ParsedList list) {
        return list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    private static List<String> names(Party p) {
        return p.names().stream().map(PartyName::fullName).toList();
    }

    // ---------------------------------------------------------------- fixture

    @Test
    void parse_fixture_readsEditionFileHashAndEveryEntry() throws Exception {
        // given the fixture with 3 individuals and 2 entities, all invented
        Path file = fixture();

        // when
        ParsedList list = parser.parse(file);

        // then
        assertThat(parser.sourceType()).isEqualTo("un-xml");
        assertThat(list.source().sourceType()).isEqualTo("un-xml");
        assertThat(list.source().authority()).isEqualTo(Authorities.UN);
        assertThat(list.source().listName()).isEqualTo(Authorities.UN_LIST);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(list.source().publicationDateNote())
                .isEqualTo("CONSOLIDATED_LIST@dateGenerated 2026-02-27T00:00:09.554Z");
        assertThat(list.source().url()).isEqualTo(UnConsolidatedXmlParser.LIST_URL);
        assertThat(list.source().files()).hasSize(1);
        assertThat(list.source().mainFile().name()).isEqualTo("consolidated.xml");
        assertThat(list.source().mainFile().sha256()).isEqualTo(Hashing.sha256(file));
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(Files.size(file));
        assertThat(list.parties()).extracting(Party::id)
                .containsExactly("un:KPi.906", "un:KPi.966", "un:QDi.990", "un:KPe.901", "un:TAe.990");
        assertThat(list.parties()).extracting(Party::type).containsExactly(PartyType.INDIVIDUAL,
                PartyType.INDIVIDUAL, PartyType.INDIVIDUAL, PartyType.ORGANIZATION, PartyType.ORGANIZATION);
        assertThat(list.warnings()).hasSize(1)
                .allSatisfy(w -> assertThat(w).contains("QDi.990").contains("30-35 years old"));
    }

    @Test
    void parse_dprkIndividual_mapsNamesDatesDocumentsAndDesignation() throws Exception {
        // given KPi.906 in the fixture: passport repeated under French, Spanish and English labels

        // when
        Party p = byId(parser.parse(fixture())).get("un:KPi.906");

        // then
        assertThat(p.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(p.primaryName()).isEqualTo("PYON CHANG-SU");
        assertThat(p.names()).containsExactly(
                new PartyName("PYON CHANG-SU", null, null, NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("변창수", null, null, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG, "Hang"),
                new PartyName("Byon Chang-Su", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("Pyo'n Ch'ang-Su", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"));
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofDay(1962, 4, 11, "1962-04-11"));
        assertThat(p.placesOfBirth()).containsExactly("Sariwon, " + PYONGYANG);
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.citizenships()).isEmpty();
        assertThat(p.addresses()).isEmpty();
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.titles()).containsExactly(
                "Deputy head of the telemetry station of the Songak\nSpace Research Bureau");
        assertThat(p.remarks()).containsExactly(
                "Deputy head of the telemetry station of the Songak\nSpace Research Bureau.");
        assertThat(p.relations()).isEmpty();
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.UN_REFERENCE, "UN reference number", "KPi.906", null, null, null),
                new Identifier(IdentifierType.PASSPORT, "Passport", "381990417", null, null,
                        "issued 2012-03-05; Expires on 5 Mar. 2017"));
        assertThat(p.designations()).containsExactly(new Designation(Authorities.UN, Authorities.UN_LIST,
                "1718 (2006) DPRK sanctions", "UNSC Resolution 1718 (2006)", LocalDate.of(2013, 1, 22), "KPi.906",
                UnConsolidatedXmlParser.LIST_URL, "un-xml"));
    }

    @Test
    void parse_betweenYears_givesRangeAndGenderFromComments() throws Exception {
        // given KPi.966: DOB BETWEEN 1967 and 1969, no GENDER element, COMMENTS1 "Gender: male"

        // when
        Party p = byId(parser.parse(fixture())).get("un:KPi.966");

        // then
        assertThat(p.primaryName()).isEqualTo("TONG KYONG SIK");
        assertThat(names(p)).containsExactly("TONG KYONG SIK", "Tong Kyo’ng-sik");
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofYears(1967, 1969, "between 1967 and 1969"));
        assertThat(p.datesOfBirth().get(0).precision()).isEqualTo(DatePrecision.RANGE);
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.remarks()).containsExactly("Gender: male");
        assertThat(p.addresses()).containsExactly(new Address(null, null, null, null, PYONGYANG, "KP"));
        assertThat(p.placesOfBirth()).isEmpty();
        assertThat(p.identifiers()).extracting(Identifier::type).containsExactly(IdentifierType.UN_REFERENCE);
        assertThat(p.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2017, 12, 22));
    }

    @Test
    void parse_fourPartNameAndAliasDetails_mapsQualityKindsDatesAndRemarks() throws Exception {
        // given QDi.990: four name parts, Arabic original script, a.k.a./f.k.a./Low aliases, alias DOB,
        // approximate year, a month in a NOTE, an age range, a Spanish passport label, a document without number

        // when
        Party p = byId(parser.parse(fixture())).get("un:QDi.990");

        // then
        assertThat(p.names()).containsExactly(
                new PartyName("SALIM HASSAN ABDULLAH AL-FIXTURI", null, null, NameKind.PRIMARY, NameQuality.STRONG,
                        "Latn"),
                new PartyName("سالم حسن عبد الله الفكستوري", null, null, NameKind.ORIGINAL_SCRIPT,
                        NameQuality.STRONG, "Arab"),
                new PartyName("Abu Yusuf", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("Salim al-Yemeni", null, null, NameKind.FKA, NameQuality.STRONG, "Latn"),
                new PartyName("Abu Salim", null, null, NameKind.AKA, NameQuality.WEAK, "Latn"));
        assertThat(p.datesOfBirth()).containsExactly(
                PartialDate.ofYear(1975, "approximately 1975"),
                PartialDate.ofMonth(1973, 11, "Nov. 1973"),
                PartialDate.ofDay(1979, 12, 31, "1979-12-31 (alias Abu Yusuf)"));
        assertThat(p.placesOfBirth()).containsExactly("Riyadh, Saudi Arabia", "Sana'a, Yemen");
        assertThat(p.nationalities()).containsExactly("SA", "YE");
        assertThat(p.gender()).isEqualTo("Female");
        assertThat(p.titles()).containsExactly("Sheikh");
        assertThat(p.addresses()).containsExactly(
                new Address("Al-Zubayri Street", "Sana'a", "Amanat al-Asimah", "12345", "Yemen", "YE"));
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.UN_REFERENCE, "UN reference number", "QDi.990", null, null, null),
                new Identifier(IdentifierType.PASSPORT, "Número de pasaporte", "E 978584", "Saudi Arabia", "SA",
                        "issued in Riyadh"));
        assertThat(p.remarks()).containsExactly(
                "Fictitious fixture entry. Gender: female",
                "Alias Abu Yusuf: used in 2012",
                "Address Al-Zubayri Street, Sana'a, Amanat al-Asimah, 12345, Yemen: as of June 2016",
                "Date of birth: approximately 30-35 years old",
                "National Identification Number: SSN 900-11-2233 (United States of America)");
        assertThat(p.designations()).containsExactly(new Designation(Authorities.UN, Authorities.UN_LIST,
                "1267/1989/2253 ISIL (Da'esh) and Al-Qaida sanctions",
                "UNSC Resolutions 1267 (1999), 1989 (2011) and 2253 (2015)", LocalDate.of(2015, 4, 7), "QDi.990",
                UnConsolidatedXmlParser.LIST_URL, "un-xml"));
    }

    @Test
    void parse_entities_mapsNameAliasesAddressAndRegime() throws Exception {
        // given the two ENTITY entries, one with an empty <ENTITY_ALIAS/>

        // when
        Map<String, Party> parties = byId(parser.parse(fixture()));

        // then
        Party songak = parties.get("un:KPe.901");
        assertThat(songak.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(songak.names()).containsExactly(
                PartyName.of("SONGAK GENERAL MACHINERY TRADING CORPORATION", NameKind.PRIMARY, NameQuality.STRONG),
                PartyName.of("SONGNAM TRADING CORPORATION", NameKind.AKA, NameQuality.STRONG),
                PartyName.of("\"KOGEMTRA\"", NameKind.AKA, NameQuality.STRONG));
        assertThat(songak.addresses()).containsExactly(
                new Address("Central District", "Pyongyang", null, null, PYONGYANG, "KP"));
        assertThat(songak.remarks()).containsExactly("Main exporter of machine tools and equipment related to"
                + "\nballistic missiles.");
        assertThat(songak.datesOfBirth()).isEmpty();
        assertThat(songak.nationalities()).isEmpty();
        assertThat(songak.gender()).isNull();
        assertThat(songak.designations()).containsExactly(new Designation(Authorities.UN, Authorities.UN_LIST,
                "1718 (2006) DPRK sanctions", "UNSC Resolution 1718 (2006)", LocalDate.of(2009, 4, 24), "KPe.901",
                UnConsolidatedXmlParser.LIST_URL, "un-xml"));

        Party hawala = parties.get("un:TAe.990");
        assertThat(hawala.names()).containsExactly(
                PartyName.of("FIXTURE HAWALA MONEY EXCHANGE", NameKind.PRIMARY, NameQuality.STRONG),
                PartyName.of("Fixture Hawala Exchange Office", NameKind.FKA, NameQuality.STRONG));
        assertThat(hawala.addresses()).containsExactly(new Address("Shop 7, Fixture Market Road",
                "Chaman", "Baluchistan Province", "86000", "Pakistan", "PK"));
        assertThat(hawala.remarks()).isEmpty();
        assertThat(hawala.designations().get(0).program()).isEqualTo("1988 (2011) Taliban sanctions");
        assertThat(hawala.designations().get(0).legalBasis()).isEqualTo("UNSC Resolution 1988 (2011)");
    }

    @Test
    void fixture_isValidAgainstTheUnSchema() throws Exception {
        // given the UN schema from the shared lists
        Path xsd = SharedLists.require("un/schemas/sc-sanctions.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        var validator = factory.newSchema(xsd.toFile()).newValidator();

        // when / then: validation throws on the first error
        validator.validate(new StreamSource(fixture().toFile()));
        assertThat(parser.parse(fixture()).parties()).hasSize(5);
    }

    @Test
    void regimes_unknownCode_isKeptAsProgramWithoutLegalBasis() {
        // given the bundled regime table
        UnRegimes regimes = UnRegimes.load();

        // when / then
        assertThat(regimes.of("DPRK")).isEqualTo(
                new UnRegimes.Regime("1718 (2006) DPRK sanctions", "UNSC Resolution 1718 (2006)"));
        assertThat(regimes.of("GB").program()).isEqualTo("2048 (2012) Guinea-Bissau sanctions");
        assertThat(regimes.of("Somalia").legalBasis()).isEqualTo("UNSC Resolution 2713 (2023)");
        assertThat(regimes.of("Atlantis")).isEqualTo(new UnRegimes.Regime("Atlantis", null));
    }

    // ---------------------------------------------------------------- real file

    @Test
    void parse_realConsolidatedList_reads1003EntriesAndDprkEntries() throws Exception {
        // given the real UN list of 2026-02-27 (SOURCES.md: 1,003 = 730 INDIVIDUAL + 273 ENTITY)
        Path file = SharedLists.require("un/consolidated.xml");

        // when
        long start = System.nanoTime();
        ParsedList list = parser.parse(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("UN consolidated.xml: " + list.parties().size() + " parties in " + millis + " ms");

        // then
        assertThat(list.parties()).hasSize(1003);
        assertThat(list.parties().stream().filter(p -> p.type() == PartyType.INDIVIDUAL)).hasSize(730);
        assertThat(list.parties().stream().filter(p -> p.type() == PartyType.ORGANIZATION)).hasSize(273);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(2_030_620L);
        assertThat(list.parties().stream().map(Party::id).distinct()).hasSize(1003);
        // three DOB wordings are not dates: LYi.022 "30-35 years old", QDi.291 Hijri, QDi.306 "Between Aug. and Sep."
        assertThat(list.warnings()).hasSize(3);
        assertThat(list.parties().stream().flatMap(p -> p.names().stream())
                .filter(n -> n.quality() == NameQuality.WEAK)).hasSize(615);
        assertThat(list.parties().stream().filter(p -> p.designations().get(0).legalBasis() == null)).isEmpty();

        Map<String, Party> parties = byId(list);
        Party paek = parties.get("un:KPi.006");
        assertThat(names(paek)).containsExactly("PAEK CHANG-HO", "Pak Chang-Ho", "Paek Ch'ang-Ho");
        assertThat(paek.datesOfBirth()).containsExactly(PartialDate.ofDay(1964, 6, 18, "1964-06-18"));
        assertThat(paek.placesOfBirth()).containsExactly("Kaesong, " + PYONGYANG);
        assertThat(paek.nationalities()).containsExactly("KP");
        assertThat(paek.identifiers()).filteredOn(i -> i.type() == IdentifierType.PASSPORT)
                .extracting(Identifier::value, Identifier::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("381420754",
                        "issued 2011-12-07; Expires on 7 Dec. 2016"));
        assertThat(paek.designations().get(0).program()).isEqualTo("1718 (2006) DPRK sanctions");
        assertThat(paek.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2013, 1, 22));

        Party kim = parties.get("un:KPi.066");
        assertThat(names(kim)).containsExactly("KIM JONG SIK", "Kim Cho’ng-sik");
        assertThat(kim.datesOfBirth()).containsExactly(PartialDate.ofYears(1967, 1969, "between 1967 and 1969"));
        assertThat(kim.nationalities()).containsExactly("KP");
        assertThat(kim.gender()).isEqualTo("Male");
        assertThat(kim.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2017, 12, 22));
        assertThat(kim.designations().get(0).legalBasis()).isEqualTo("UNSC Resolution 1718 (2006)");

        Party choe = parties.get("un:KPi.013");
        assertThat(choe.primaryName()).isEqualTo("CHOE CHUN-SIK");
        assertThat(choe.datesOfBirth()).containsExactly(PartialDate.ofDay(1954, 10, 12, "1954-10-12"));
        assertThat(choe.titles()).contains("Former Director of the Second Academy of Natural Sciences (SANS)");
        assertThat(choe.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2016, 3, 2));

        assertThat(list.parties().stream().filter(p -> p.id().startsWith("un:KP"))).hasSize(155);
    }

    // ---------------------------------------------------------------- hostile and malformed

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String individual(String ref, String firstName) {
        return "<INDIVIDUAL><DATAID>1</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>" + firstName + "</FIRST_NAME>"
                + "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>" + ref + "</REFERENCE_NUMBER>"
                + "<LISTED_ON>2017-12-22</LISTED_ON><COMMENTS1/><LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>"
                + "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS></INDIVIDUAL>\n";
    }

    private static String list(String individuals) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n<INDIVIDUALS>\n" + individuals
                + "</INDIVIDUALS>\n<ENTITIES/>\n</CONSOLIDATED_LIST>\n";
    }

    @Test
    void parse_externalEntity_isRefusedNamingFileAndLine() throws Exception {
        // given an XXE attempt reading /etc/passwd
        Path file = write("xxe.xml", "<?xml version=\"1.0\"?>\n" + HostileXml.xxeDoctype("CONSOLIDATED_LIST")
                + "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:00Z\"><INDIVIDUALS>\n"
                + individual("KPi.001", "&xxe;") + "</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageMatching("xxe\\.xml line \\d+: refused: DOCTYPE declarations are not allowed "
                        + "\\(possible XXE or entity expansion\\)")
                .hasMessageNotContaining("root:x");
    }

    @Test
    void parse_billionLaughs_isRefusedBeforeExpansion() throws Exception {
        // given the classic entity-expansion bomb
        Path file = write("lolz.xml", "<?xml version=\"1.0\"?>\n" + HostileXml.billionLaughsDoctype("lolz")
                + "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:00Z\">&lol9;</CONSOLIDATED_LIST>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageMatching("lolz\\.xml line \\d+: refused: DOCTYPE declarations are not allowed "
                        + "\\(possible XXE or entity expansion\\)");
    }

    @Test
    void parse_truncatedMidElement_namesFileLineAndEntry() throws Exception {
        // given a list cut off inside the second INDIVIDUAL's FIRST_NAME
        String whole = list(individual("KPi.001", "RI") + individual("KPi.002", "KIM SU GIL"));
        String cut = whole.substring(0, whole.indexOf("KIM SU") + 3);
        Path file = write("truncated.xml", cut);

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("truncated.xml line 5")
                .hasMessageContaining("in <INDIVIDUAL> #2 starting line 5")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void parse_invalidUtf8_namesFileAndLine() throws Exception {
        // given Latin-1 bytes (0xC9 = É) on line 5 of a file that declares UTF-8
        byte[] head = list(individual("KPi.001", "RI")).getBytes(StandardCharsets.UTF_8);
        String text = new String(head, StandardCharsets.UTF_8).replace("RI<", "R\u00c9<");
        Path file = tmp.resolve("latin1.xml");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("latin1.xml line 4")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void parse_emptyFile_isRefused() throws Exception {
        // given an empty file
        Path file = write("empty.xml", "");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("empty.xml: file is empty");
    }

    @Test
    void parse_missingFile_isRefused() {
        // given a path that does not exist
        Path file = tmp.resolve("absent.xml");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("absent.xml: file not found");
    }

    @Test
    void parse_otherListFormat_isRefusedAsNotUn() throws Exception {
        // given an OFAC sdnList file handed over as un-xml
        Path file = write("sdn.xml", "<?xml version=\"1.0\"?>\n<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">"
                + "<publshInformation><Publish_Date>04/06/2018</Publish_Date></publshInformation></sdnList>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.xml line 2, root element <sdnList>: not a UN Security Council consolidated list: "
                        + "expected root element <CONSOLIDATED_LIST>");
    }

    @Test
    void parse_entryWithoutName_namesTheEntry() throws Exception {
        // given a second INDIVIDUAL with an empty FIRST_NAME
        Path file = write("noname.xml", list(individual("KPi.001", "RI") + individual("KPi.077", " ")));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("noname.xml line 5, INDIVIDUAL #2 (REFERENCE_NUMBER KPi.077): "
                        + "entry has no name (FIRST_NAME is empty)");
    }

    @Test
    void parse_entryWithoutReference_namesTheDataId() throws Exception {
        // given an INDIVIDUAL with an empty REFERENCE_NUMBER
        Path file = write("noref.xml", list(individual("", "RI")));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("noref.xml line 4, INDIVIDUAL #1 (DATAID 1): entry has no REFERENCE_NUMBER");
    }

    @Test
    void parse_invalidListedOn_namesEntryAndValue() throws Exception {
        // given LISTED_ON 2017-13-45
        Path file = write("baddate.xml", list(individual("KPi.001", "RI").replace("2017-12-22", "2017-13-45")));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("baddate.xml line 4, INDIVIDUAL #1 (REFERENCE_NUMBER KPi.001): "
                        + "invalid LISTED_ON '2017-13-45'");
    }

    @Test
    void parse_minimalList_readsEntryWithUtcDate() throws Exception {
        // given a list generated just before midnight west of UTC
        Path file = write("min.xml", list(individual("KPi.001", "RI")).replace("2026-02-27T00:00:09.554Z",
                "2026-02-26T22:30:00-05:00"));

        // when
        ParsedList parsed = parser.parse(file);

        // then the UTC date is the next day
        assertThat(parsed.source().publicationDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(parsed.parties()).extracting(Party::id).containsExactly("un:KPi.001");
        assertThat(parsed.warnings()).isEmpty();
    }
}
