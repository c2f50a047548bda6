package io.vigil.registry.source.eu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EuFsfXmlParserTests {

    private static final String NK = "NORTH KOREA (DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA)";
    private static final String REG_2017_1509 = "2017/1509 (OJ L224)";
    private static final String CELEX_2017_1509 =
            "https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32017R1509";

    private final EuFsfXmlParser parser = new EuFsfXmlParser();

    @TempDir
    Path tmp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(EuFsfXmlParserTests.class.getResource("/fixtures/eu/" + name).toURI());
    }

    private static Map<String, Party> byId(ParsedList list) {
        return list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    private static Designation eu(String program, String legalBasis, LocalDate listedOn, String ref, String url) {
        return new Designation(Authorities.EU, Authorities.EU_LIST, program, legalBasis, listedOn, ref, url, "eu-xml");
    }

    // ---------------------------------------------------------------- FSF 1.1 fixture

    @Test
    void parse_fsf11Fixture_readsEditionFileAndEntries() throws Exception {
        // given the FSF 1.1 fixture with three DPRK persons and one enterprise
        Path file = fixture("fsf-1.1.xml");

        // when
        ParsedList list = parser.parse(file);

        // then
        assertThat(parser.sourceType()).isEqualTo("eu-xml");
        assertThat(list.source().sourceType()).isEqualTo("eu-xml");
        assertThat(list.source().authority()).isEqualTo(Authorities.EU);
        assertThat(list.source().listName()).isEqualTo(Authorities.EU_LIST);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(list.source().publicationDateNote())
                .isEqualTo("export@generationDate 2026-03-02T17:05:11.123+01:00, globalFileId 190001");
        assertThat(list.source().url()).isEqualTo(EuFsfXmlParser.LIST_URL);
        assertThat(list.source().mainFile().name()).isEqualTo("fsf-1.1.xml");
        assertThat(list.source().mainFile().sha256()).isEqualTo(Hashing.sha256(file));
        assertThat(list.parties()).extracting(Party::id)
                .containsExactly("eu:139001", "eu:139002", "eu:139003", "eu:139004");
        assertThat(list.parties()).extracting(Party::type).containsExactly(PartyType.INDIVIDUAL,
                PartyType.INDIVIDUAL, PartyType.INDIVIDUAL, PartyType.ORGANIZATION);
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void parse_jonIlHo_mapsNamesHangulDobPassportAndRegulation() throws Exception {
        // given eu:139001 with a Hangul nameAlias (nameLanguage KO) and country 00/UNKNOWN on the birthdate

        // when
        Party p = byId(parser.parse(fixture("fsf-1.1.xml"))).get("eu:139001");

        // then
        assertThat(p.names()).containsExactly(
                new PartyName("JON Il Ho", "Il Ho", "JON", NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("CHON Il Ho", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("전일호", null, null, NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG, "Hang"));
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofDay(1956, 2, 20, "1956-02-20"));
        assertThat(p.placesOfBirth()).isEmpty();
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.citizenships()).containsExactly("KP");
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.titles()).containsExactly("Official of the Munitions Industry Department");
        assertThat(p.addresses()).containsExactly(new Address(null, "Pyongyang", null, null, NK, "KP"));
        assertThat(p.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "National passport",
                "PS463120423", NK, "KP", null));
        assertThat(p.remarks()).containsExactly("EU reference number EU.9001.11");
        assertThat(p.relations()).isEmpty();
        // listed on the earliest publication cited: the regulation of 2017-08-31, not the 2022 summaries
        assertThat(p.designations()).containsExactly(
                eu("PRK", REG_2017_1509, LocalDate.of(2017, 8, 31), "139001", CELEX_2017_1509));
    }

    @Test
    void parse_yuJin_marksWeakAliasAndYearOfBirth() throws Exception {
        // given eu:139002 with strong="false" on YOO Jin and a year-only birthdate

        // when
        Party p = byId(parser.parse(fixture("fsf-1.1.xml"))).get("eu:139002");

        // then
        assertThat(p.names()).containsExactly(
                new PartyName("YU Jin", "Jin", "YU", NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("YU Chin", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("YOO Jin", null, null, NameKind.AKA, NameQuality.WEAK, "Latn"));
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofYear(1960, "1960"));
        assertThat(p.identifiers()).isEmpty();
        assertThat(p.addresses()).isEmpty();
        assertThat(p.remarks()).containsExactly("Fixture entry modelled on OFAC SDN 39497.",
                "EU reference number EU.9002.12");
        assertThat(p.designations()).extracting(Designation::program, Designation::legalBasis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PRK", REG_2017_1509));
    }

    @Test
    void parse_kimSuGil_usesDesignationDateAndCircaYear() throws Exception {
        // given eu:139003 with designationDate, a circa birth year and a French duplicate of the name

        // when
        Party p = byId(parser.parse(fixture("fsf-1.1.xml"))).get("eu:139003");

        // then
        assertThat(p.names()).extracting(PartyName::fullName, PartyName::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("KIM Su Gil", NameKind.PRIMARY),
                org.assertj.core.groups.Tuple.tuple("KIM Su-kil", NameKind.AKA));
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofYear(1950, "circa 1950"));
        assertThat(p.placesOfBirth()).containsExactly(NK);
        assertThat(p.titles()).containsExactly("General",
                "Former Director of the General Political Bureau of the Korean People's Army");
        assertThat(p.remarks()).containsExactly("EU reference number EU.9003.13",
                "Date of UN designation: not designated by the UN");
        assertThat(p.designations()).containsExactly(
                eu("PRK", REG_2017_1509, LocalDate.of(2022, 12, 9), "139003", CELEX_2017_1509));
    }

    @Test
    void parse_enterprise_mapsUnReferenceRegistrationContactsAndRemarks() throws Exception {
        // given eu:139004, an invented enterprise with unitedNationId KPe.901 and a registration number

        // when
        Party p = byId(parser.parse(fixture("fsf-1.1.xml"))).get("eu:139004");

        // then
        assertThat(p.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(p.names()).containsExactly(
                PartyName.of("Songak General Machinery Trading Corporation", NameKind.PRIMARY, NameQuality.STRONG),
                PartyName.of("KOGEMTRA", NameKind.AKA, NameQuality.STRONG),
                PartyName.of("송악일반기계무역회사", NameKind.ORIGINAL_SCRIPT, NameQuality.STRONG));
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.UN_REFERENCE, "UN reference number", "KPe.901", null, null, null),
                new Identifier(IdentifierType.EMAIL, "EMAIL", "kogemtra@fixture.invalid", null, null, null),
                new Identifier(IdentifierType.REGISTRATION, "Registration Number", "KP-REG-0001", NK, "KP",
                        "issued by Ministry of External Economic Relations; issued 2005-01-01; "
                                + "Invented registration number for the fixture"));
        assertThat(p.addresses()).containsExactly(new Address("Central District", "Pyongyang", null, null, NK, "KP"));
        assertThat(p.remarks()).containsExactly(
                "Main exporter of machine tools and equipment related to ballistic missiles and "
                        + "rocket engines.",
                "Type of entity: Trading company",
                "EU reference number EU.9004.14",
                "PHONE: +850 2 000 0000");
        assertThat(p.datesOfBirth()).isEmpty();
        assertThat(p.gender()).isNull();
        assertThat(p.designations()).containsExactly(
                eu("PRK", REG_2017_1509, LocalDate.of(2009, 5, 8), "139004", CELEX_2017_1509));
    }

    @Test
    void fsf11Fixture_isValidAgainstTheFsfSchema() throws Exception {
        // given the FSF 1.1 schema from the shared lists
        Path xsd = SharedLists.require("eu/schemas/fsdexport-1.1.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        var validator = factory.newSchema(xsd.toFile()).newValidator();

        // when / then: validation throws on the first error
        validator.validate(new StreamSource(fixture("fsf-1.1.xml").toFile()));
        assertThat(parser.parse(fixture("fsf-1.1.xml")).parties()).hasSize(4);
    }

    // ---------------------------------------------------------------- legacy fixture

    @Test
    void parse_legacyFixture_readsWholeDateAndFirstPerson() throws Exception {
        // given the legacy WHOLE/ENTITY fixture
        Path file = fixture("legacy-fsd.xml");

        // when
        ParsedList list = parser.parse(file);

        // then
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2016, 2, 11));
        assertThat(list.source().publicationDateNote()).isEqualTo("WHOLE@Date 11/02/2016 (DD/MM/YYYY)");
        assertThat(list.parties()).extracting(Party::id).containsExactly("eu:1", "eu:13", "eu:9901");
        assertThat(list.warnings()).containsExactly("legacy-fsd.xml line 81, ENTITY #3 (Id 9901): "
                + "date of birth 'early sixties' is not a date; kept as a remark");

        Party muchena = byId(list).get("eu:1");
        assertThat(muchena.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(muchena.names()).containsExactly(new PartyName("Tendai Farai Muchena", "Tendai Farai", "Muchena",
                NameKind.PRIMARY, NameQuality.STRONG, "Latn"));
        assertThat(muchena.datesOfBirth()).containsExactly(PartialDate.ofDay(1931, 6, 14, "1931-06-14"));
        assertThat(muchena.placesOfBirth()).containsExactly("Chivhu");
        assertThat(muchena.gender()).isEqualTo("Male");
        assertThat(muchena.titles()).containsExactly("Minister");
        assertThat(muchena.nationalities()).isEmpty();
        assertThat(muchena.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "National passport",
                "AD990417", null, null, "passport"));
        assertThat(muchena.remarks())
                .containsExactly("Entity is sanctioned in regime 310/2002 (OJ L50) of programme ZWE");
        assertThat(muchena.designations()).containsExactly(eu("ZWE", "151/2012 (OJ L49)", LocalDate.of(2002, 9, 13),
                "1", "http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2012:049:0002:0016:EN:PDF"));
    }

    @Test
    void parse_legacyPerson_mapsTranslationsCitizenAndPlaceOfBirth() throws Exception {
        // given eu:13 with French and Bulgarian (Cyrillic) translations of an alias

        // when
        Party p = byId(parser.parse(fixture("legacy-fsd.xml"))).get("eu:13");

        // then
        assertThat(p.names()).containsExactly(
                new PartyName("Khalil Ibrahim Al-Qasabi", "Khalil", "Ibrahim Al-Qasabi", NameKind.PRIMARY,
                        NameQuality.STRONG, "Latn"),
                new PartyName("Abu Qasab", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("Abou Qasab", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("Абу Касаб", null, null, NameKind.AKA, NameQuality.STRONG, "Cyrl"));
        assertThat(p.datesOfBirth()).containsExactly(PartialDate.ofDay(1941, 9, 3, "1941-09-03"));
        assertThat(p.placesOfBirth()).containsExactly("al-Dawr, near Samarra, Iraq");
        assertThat(p.nationalities()).containsExactly("IQ");
        assertThat(p.citizenships()).containsExactly("IQ");
        assertThat(p.remarks()).containsExactly("UNSC RESOLUTION 1483");
        assertThat(p.designations()).extracting(Designation::program, Designation::legalBasis, Designation::listedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("IRQ", "1210/2003 (OJ L169)",
                        LocalDate.of(2003, 7, 7)));
    }

    @Test
    void parse_legacyEntity_givesOneDesignationPerProgrammeAndParsesDetails() throws Exception {
        // given eu:9901 named under AFG and TAQA, with approximate dates, an address OTHER and an ID card

        // when
        Party p = byId(parser.parse(fixture("legacy-fsd.xml"))).get("eu:9901");

        // then
        assertThat(p.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(p.names()).extracting(PartyName::fullName)
                .containsExactly("Fixture Hawala Exchange", "Fixture Money Exchange");
        assertThat(p.designations()).containsExactly(
                eu("AFG", "753/2011 (OJ L199)", LocalDate.of(2011, 8, 2), "9901",
                        "http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2011:199:0001:0028:EN:PDF"),
                eu("TAQA", "881/2002 (OJ L139)", LocalDate.of(2002, 5, 29), "9901",
                        "http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2002:139:0009:0022:EN:PDF"));
        assertThat(p.datesOfBirth()).containsExactly(
                PartialDate.ofYears(1955, 1958, "1955 - 1958 (approximative)"),
                PartialDate.ofYear(1960, "1960 (approximative)"));
        assertThat(p.addresses()).containsExactly(
                new Address("7 Fixture Market Road", "Chaman", null, "86000", "PAK", "PK"));
        assertThat(p.identifiers()).containsExactly(new Identifier(IdentifierType.NATIONAL_ID,
                "National identification card", "D 0099017", "AFG", "AF",
                "issued: 17 october 1997 expires: 1 october 2005"));
        assertThat(p.nationalities()).containsExactly("AF");
        assertThat(p.remarks()).containsExactly("Date of birth: early sixties",
                "Address 7 Fixture Market Road, Chaman, 86000, PAK: PHONE[042-990 17 17]");
    }

    // ---------------------------------------------------------------- real file

    @Test
    void parse_realLegacySubset_reads595EntriesAndMugabe() throws Exception {
        // given the real 2016-02-11 FSD export subset (SOURCES.md: 595 ENTITY = 319 P + 276 E)
        Path file = SharedLists.require("eu/global_subset_2016-02-11.xml");

        // when
        long start = System.nanoTime();
        ParsedList list = parser.parse(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("EU global_subset_2016-02-11.xml: " + list.parties().size() + " parties in " + millis
                + " ms");

        // then
        assertThat(list.parties()).hasSize(595);
        assertThat(list.parties().stream().filter(p -> p.type() == PartyType.INDIVIDUAL)).hasSize(319);
        assertThat(list.parties().stream().filter(p -> p.type() == PartyType.ORGANIZATION)).hasSize(276);
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2016, 2, 11));
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(1_723_905L);
        assertThat(list.parties().stream().flatMap(p -> p.designations().stream()).map(Designation::program)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("IRQ", "TAQA", "AFG", "TERR", "COD", "ZWE");

        // PASSPORT elements: 78 passport, 28 id + 1 ssn, 26 other + 2 driving licence + 2 travel document
        assertThat(list.parties().stream().flatMap(p -> p.identifiers().stream())
                .collect(Collectors.groupingBy(Identifier::type, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(IdentifierType.PASSPORT, 78L,
                        IdentifierType.NATIONAL_ID, 29L, IdentifierType.OTHER, 30L));
        assertThat(list.parties().stream().filter(p -> p.designations().size() == 2)).hasSize(108);
        assertThat(list.warnings()).isEmpty();

        Party mugabe = byId(list).get("eu:1");
        assertThat(mugabe.primaryName()).isEqualTo("Robert Gabriel Mugabe");
        assertThat(mugabe.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(mugabe.datesOfBirth()).containsExactly(PartialDate.ofDay(1924, 2, 21, "1924-02-21"));
        assertThat(mugabe.placesOfBirth()).containsExactly("Kutama");
        assertThat(mugabe.designations()).hasSize(1);
        assertThat(mugabe.designations().get(0).program()).isEqualTo("ZWE");
        assertThat(mugabe.designations().get(0).legalBasis()).isEqualTo("151/2012 (OJ L49)");
        assertThat(mugabe.designations().get(0).listedOn()).isEqualTo(LocalDate.of(2002, 9, 13));
        assertThat(mugabe.identifiers()).extracting(Identifier::type, Identifier::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IdentifierType.PASSPORT, "AD001095"));
    }

    // ---------------------------------------------------------------- hostile and malformed

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String entity(String logicalId, String wholeName) {
        return "<sanctionEntity logicalId=\"" + logicalId + "\">"
                + "<regulation regulationType=\"regulation\" organisationType=\"council\" publicationDate=\"2017-08-31\""
                + " entryIntoForceDate=\"2017-09-01\" numberTitle=\"2017/1509 (OJ L224)\" programme=\"PRK\""
                + " logicalId=\"1\"/><subjectType code=\"person\" classificationCode=\"P\"/>"
                + "<nameAlias wholeName=\"" + wholeName + "\" strong=\"true\" regulationLanguage=\"en\" logicalId=\"2\">"
                + "<regulationSummary regulationType=\"regulation\" publicationDate=\"2017-08-31\""
                + " numberTitle=\"2017/1509 (OJ L224)\"/></nameAlias></sanctionEntity>\n";
    }

    private static String export(String entities) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export xmlns=\"" + EuFsfXmlParser.NAMESPACE
                + "\" generationDate=\"2026-03-02T17:05:11.123+01:00\" globalFileId=\"1\">\n" + entities
                + "</export>\n";
    }

    @Test
    void parse_externalEntity_isRefusedNamingFileAndLine() throws Exception {
        // given an XXE attempt reading /etc/passwd into a name
        Path file = write("xxe.xml", "<?xml version=\"1.0\"?>\n" + HostileXml.xxeDoctype("export")
                + export(entity("1", "&xxe;")).substring(export("").indexOf('\n') + 1));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageMatching("xxe\\.xml line \\d+: refused: DOCTYPE declarations are not allowed "
                        + "\\(possible XXE or entity expansion\\)")
                .hasMessageNotContaining("root:x");
    }

    @Test
    void parse_billionLaughs_isRefusedBeforeExpansion() throws Exception {
        // given the classic entity-expansion bomb inside a WHOLE root
        Path file = write("lolz.xml", "<?xml version=\"1.0\"?>\n" + HostileXml.billionLaughsDoctype("WHOLE")
                + "<WHOLE Date=\"11/02/2016\"><ENTITY Id=\"1\" Type=\"P\" remark=\"&lol9;\"/></WHOLE>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageMatching("lolz\\.xml line \\d+: refused: DOCTYPE declarations are not allowed "
                        + "\\(possible XXE or entity expansion\\)");
    }

    @Test
    void parse_truncatedMidElement_namesFileLineAndEntry() throws Exception {
        // given an export cut off inside the second sanctionEntity's nameAlias
        String whole = export(entity("11", "JON Il Ho") + entity("12", "YU Jin"));
        Path file = write("truncated.xml", whole.substring(0, whole.indexOf("YU Jin")));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("truncated.xml line 4")
                .hasMessageContaining("in <sanctionEntity> #2 starting line 4")
                .hasMessageContaining("malformed XML");
    }

    @Test
    void parse_invalidUtf8_namesFileAndLine() throws Exception {
        // given Latin-1 bytes (0xC9) in a name on line 3 of a file that declares UTF-8
        String text = export(entity("11", "JON Il Ho").replace("JON", "J\u00c9N"));
        Path file = tmp.resolve("latin1.xml");
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("latin1.xml line 3")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void parse_emptyFile_isRefused() throws Exception {
        // given a file of blank lines
        Path file = write("empty.xml", "\n\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("empty.xml: file is empty");
    }

    @Test
    void parse_ofacFile_isRefusedAsNotEuFsf() throws Exception {
        // given an OFAC sdnList file handed over as eu-xml
        Path file = write("sdn.xml", "<?xml version=\"1.0\"?>\n<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">"
                + "<publshInformation><Publish_Date>04/06/2018</Publish_Date></publshInformation></sdnList>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("sdn.xml line 2, root element <sdnList> in namespace http://tempuri.org/sdnList.xsd: "
                        + "not an EU FSF file: expected <export> in namespace http://eu.europa.ec/fpi/fsd/export "
                        + "(FSF XML 1.0/1.1) or <WHOLE> (legacy FSD export)");
    }

    @Test
    void parse_exportInAnotherNamespace_isRefused() throws Exception {
        // given an <export> root from some other vocabulary
        Path file = write("other.xml", "<export xmlns=\"urn:example:other\"/>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageStartingWith("other.xml line 1, root element <export> in namespace urn:example:other: "
                        + "not an EU FSF file");
    }

    @Test
    void parse_sanctionEntityWithoutName_namesTheEntity() throws Exception {
        // given a second sanctionEntity whose only nameAlias is blank
        Path file = write("noname.xml", export(entity("11", "JON Il Ho") + entity("12", "  ")));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("noname.xml line 4, sanctionEntity #2 (logicalId 12): "
                        + "sanctionEntity has no name (no nameAlias with a wholeName or name parts)");
    }

    @Test
    void parse_legacyEntityWithoutName_namesTheEntity() throws Exception {
        // given a legacy ENTITY with an empty NAME
        Path file = write("noname-legacy.xml", "<?xml version=\"1.0\"?>\n<WHOLE Date=\"11/02/2016\">\n"
                + "<ENTITY Id=\"77\" Type=\"E\" legal_basis=\"\" reg_date=\"2016-01-01\" pdf_link=\"\" programme=\"COD\""
                + " remark=\"\">\n<NAME Id=\"1\"><LASTNAME/><FIRSTNAME/><MIDDLENAME/><WHOLENAME/></NAME>\n</ENTITY>\n"
                + "</WHOLE>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("noname-legacy.xml line 3, ENTITY #1 (Id 77): "
                        + "ENTITY has no name (no NAME with a WHOLENAME or name parts)");
    }

    @Test
    void parse_badLegacyDate_isRefused() throws Exception {
        // given a WHOLE Date in the wrong order (MM/DD/YYYY)
        Path file = write("baddate.xml", "<WHOLE Date=\"02/31/2016\"></WHOLE>\n");

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessage("baddate.xml line 1, WHOLE@Date: invalid date '02/31/2016' (expected DD/MM/YYYY)");
    }

    @Test
    void parse_emptyExport_givesNoPartiesAndTheEdition() throws Exception {
        // given an export with no entries (the schema allows zero)
        Path file = write("none.xml", export(""));

        // when
        ParsedList list = parser.parse(file);

        // then
        assertThat(list.parties()).isEmpty();
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    // ---------------------------------------------------------------- issue 13: real 1.1 excerpt, merged regimes, cut files

    @Test
    void parse_realFsf11Excerpt_readsFiveEntitiesWithNamesAndProgrammes() throws Exception {
        // given the real FSF 1.1 excerpt of 2020-04-15 (SOURCES.md: 5 sanctionEntity: EU.2026.82 TAQA,
        // EU.4011.64 Han Yu-ro PRK, EU.4009.74 Hwang Sok-hwa PRK, EU.3579.2 Khalid Shaikh Mohammed TERR,
        // EU.3734.6 Leo Manzi COD)
        Path file = SharedLists.require("eu/fsf_1.1_excerpt_2020-04-15.xml");

        // when
        ParsedList list = parser.parse(file);

        // then
        assertThat(list.parties()).extracting(Party::id).containsExactly("eu:5295", "eu:5463", "eu:5468", "eu:191",
                "eu:5807");
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2020, 4, 15));
        assertThat(list.source().publicationDateNote()).contains("globalFileId 123465");
        assertThat(list.source().mainFile().sizeBytes()).isEqualTo(15_044L);
        Map<String, Party> byId = byId(list);
        assertThat(byId.get("eu:5463").names()).extracting(PartyName::fullName).contains("Yu-ro Han");
        assertThat(byId.get("eu:5468").names()).extracting(PartyName::fullName).contains("Sok-hwa Hwang");
        assertThat(byId.get("eu:191").names()).extracting(PartyName::fullName).contains("Khalid Shaikh MOHAMMED");
        assertThat(byId.get("eu:5807").primaryName()).isEqualTo("Leo Manzi");
        assertThat(byId.get("eu:5295").names()).extracting(PartyName::fullName).contains("Abid Hammadou");
        assertThat(list.parties()).extracting(p -> p.designations().get(0).program())
                .containsExactly("TAQA", "PRK", "PRK", "TERR", "COD");
        assertThat(byId.get("eu:5463").designations().get(0).listedOn()).isEqualTo(LocalDate.of(2009, 7, 16));
        assertThat(byId.get("eu:5463").type()).isEqualTo(PartyType.INDIVIDUAL);
    }

    @Test
    void parse_sameLogicalIdUnderTwoRegimes_isOnePartyWithTwoDesignations() throws Exception {
        // given one person listed under PRK and under TERR: two sanctionEntity elements with logicalId 11
        String terr = entity("11", "JON Il Ho").replace("programme=\"PRK\"", "programme=\"TERR\"")
                .replace("2017/1509 (OJ L224)\" programme", "2002/881 (OJ L139)\" programme")
                .replace("wholeName=\"JON Il Ho\"", "wholeName=\"CHON Il Ho\"");
        Path file = write("two-regimes.xml", export(entity("11", "JON Il Ho") + entity("12", "YU Jin") + terr));

        // when
        ParsedList list = parser.parse(file);

        // then
        assertThat(list.parties()).extracting(Party::id).containsExactly("eu:11", "eu:12");
        Party jon = list.parties().get(0);
        assertThat(jon.designations()).extracting(Designation::program, Designation::legalBasis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PRK", "2017/1509 (OJ L224)"),
                org.assertj.core.groups.Tuple.tuple("TERR", "2002/881 (OJ L139)"));
        assertThat(jon.names()).extracting(PartyName::fullName).containsExactly("JON Il Ho", "CHON Il Ho");
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void parse_fileCutBetweenEntities_namesTheRootTheLastEntryAndThePosition() throws Exception {
        // given an export cut right after its second sanctionEntity (no closing </export>)
        String whole = export(entity("11", "JON Il Ho") + entity("12", "YU Jin"));
        Path file = write("cut.xml", whole.substring(0, whole.indexOf("</export>")));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageMatching("cut\\.xml line 5, column \\d+, in <export> after <sanctionEntity> #2 \\(not "
                        + "closed\\): malformed XML: file ends in the middle of the XML \\(truncated\\?\\): .*");
    }

    @Test
    void parse_fileCutInsideAnEntity_namesTheEntityLineAndColumn() throws Exception {
        // given an export cut in the middle of an attribute of the second entity's nameAlias
        String whole = export(entity("11", "JON Il Ho") + entity("12", "YU Jin"));
        Path file = write("cut.xml", whole.substring(0, whole.indexOf("YU Jin") + 2));

        // when / then
        assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(ListParseException.class)
                .hasMessageMatching("cut\\.xml line 4, column \\d+, in <sanctionEntity> #2 starting line 4: "
                        + "malformed XML: .*");
    }
}
