package io.vigil.batch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.imports.ListParserRegistry;
import io.vigil.registry.imports.RegistryImporter;
import io.vigil.registry.imports.SourceRequest;
import io.vigil.registry.link.PartyLink;
import io.vigil.registry.model.Address;
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
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.store.JdbcSnapshotStore;
import io.vigil.registry.store.SnapshotSource;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo lists ({@code demo/lists/} on the classpath, imported by {@code vigil demo}): every file parses
 * with the production parser of its official format, holds the entries its README promises, and the whole set
 * imports together with {@code config/notices} into one linked snapshot. Plain JUnit: no Spring context.
 */
class DemoListsTests {

    private static final ListParserRegistry PARSERS = ListParserRegistry.defaults();

    // ------------------------------------------------------------------------------------------ OFAC SDN CSV

    @Test
    void ofacSdnCsv_demoSet_readsTwentyNineEntriesOfEveryKind() throws ListParseException {
        // given the demo OFAC SDN CSV set (sdn.csv, add.csv, alt.csv, sdn_comments.csv)
        Path dir = demo("ofac-sdn");
        // when it is parsed
        ParsedList list = PARSERS.require("ofac-sdn-csv").parse(dir);
        // then it holds 29 entries of all four kinds, from four files, with no warning
        assertThat(list.parties()).hasSize(29);
        assertThat(list.warnings()).isEmpty();
        assertThat(list.source().files()).extracting(f -> f.name())
                .containsExactly("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
        assertThat(list.source().publicationDate()).isNull();
        Map<PartyType, Long> byType = list.parties().stream()
                .collect(Collectors.groupingBy(Party::type, Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(PartyType.INDIVIDUAL, 14L,
                PartyType.ORGANIZATION, 12L, PartyType.VESSEL, 2L, PartyType.AIRCRAFT, 1L));
        // and the files keep OFAC's CRLF line ends and trailing 0x1A
        for (String f : List.of("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")) {
            byte[] bytes = readBytes(dir.resolve(f));
            assertThat(bytes[bytes.length - 1]).as(f).isEqualTo((byte) 0x1A);
            assertThat(bytes[bytes.length - 2]).as(f).isEqualTo((byte) '\n');
            assertThat(bytes[bytes.length - 3]).as(f).isEqualTo((byte) '\r');
        }
    }

    @Test
    void ofacSdnCsv_seedPersons_carryDobPassportAndProgram() throws ListParseException {
        // given the parsed demo OFAC set
        Map<String, Party> ofac = byId(PARSERS.require("ofac-sdn-csv").parse(demo("ofac-sdn")));
        // then JON Il Ho (39496): day DOB, North Korean passport, DPRK2 under E.O. 13687
        Party jon = ofac.get("ofac:39496");
        assertThat(jon.names()).extracting(PartyName::fullName).containsExactly("JON, Il Ho", "CHON, Il Ho");
        assertDob(jon, "1956-02-20", DatePrecision.DAY);
        assertThat(jon.nationalities()).containsExactly("KP");
        assertThat(jon.gender()).isEqualTo("Male");
        assertThat(jon.identifiers()).extracting(Identifier::type, Identifier::value, Identifier::countryCode)
                .containsExactly(tuple(IdentifierType.PASSPORT, "PS463120423", "KP"));
        assertProgram(jon, "DPRK2", "E.O. 13687", "39496");
        // and YU Jin (39497) and KIM Su Gil (39498): year-only DOBs, no document, DPRK2
        Party yu = ofac.get("ofac:39497");
        assertThat(yu.names()).extracting(PartyName::fullName).containsExactly("YU, Jin", "YU, Chin", "YOO, Jin");
        assertDob(yu, "1960", DatePrecision.YEAR);
        assertThat(yu.identifiers()).isEmpty();
        assertProgram(yu, "DPRK2", "E.O. 13687", "39497");
        Party kim = ofac.get("ofac:39498");
        assertThat(kim.names()).extracting(PartyName::fullName).containsExactly("KIM, Su Gil", "KIM, Su-kil");
        assertDob(kim, "1950", DatePrecision.YEAR);
        assertProgram(kim, "DPRK2", "E.O. 13687", "39498");
        // and CHOE Chol Min (43598): NPWMD, passport with its expiry, address in Beijing
        Party choe = ofac.get("ofac:43598");
        assertThat(choe.primaryName()).isEqualTo("CHOE, Chol Min");
        assertDob(choe, "1978-04-03", DatePrecision.DAY);
        assertThat(choe.identifiers()).extracting(Identifier::type, Identifier::value, Identifier::countryCode,
                Identifier::note).containsExactly(tuple(IdentifierType.PASSPORT, "108410050", "KP",
                        "expires 19 Oct 2023"));
        assertThat(choe.addresses()).extracting(Address::city, Address::countryCode)
                .containsExactly(tuple("Beijing", "CN"));
        assertProgram(choe, "NPWMD", "E.O. 13382", "43598");
        // and CHOE Un Jong (43616): female, DPRK4 under E.O. 13810
        Party choeUn = ofac.get("ofac:43616");
        assertThat(choeUn.names()).extracting(PartyName::fullName)
                .containsExactly("CHOE, Un Jong", "CHOE, Unjong", "CH'OE, U'n-cho'ng");
        assertDob(choeUn, "1978-05-10", DatePrecision.DAY);
        assertThat(choeUn.gender()).isEqualTo("Female");
        assertThat(choeUn.identifiers()).extracting(Identifier::value).containsExactly("108410051");
        assertProgram(choeUn, "DPRK4", "E.O. 13810", "43616");
        // and the near miss RYO Jin (99002, invented) is a different person: other DOB, other passport
        Party ryo = ofac.get("ofac:99002");
        assertThat(ryo.primaryName()).isEqualTo("RYO, Jin");
        assertDob(ryo, "1966-03-14", DatePrecision.DAY);
        assertThat(ryo.identifiers()).extracting(Identifier::value).containsExactly("563990218");
        assertThat(ryo.titles()).containsExactly("Songak General Machinery Trading Corporation official in Iran");
    }

    @Test
    void ofacSdnCsv_linkedTo_resolvesWithinTheFileOrKeepsTheName() throws ListParseException {
        // given the parsed demo OFAC set
        Map<String, Party> ofac = byId(PARSERS.require("ofac-sdn-csv").parse(demo("ofac-sdn")));
        // then the invented RIM Kyong Guk's "Linked To" resolves to the invented company's entry in the same list
        assertThat(ofac.get("ofac:99004").relations()).containsExactly(new Relation("Linked To",
                "SONGAK GENERAL MACHINERY TRADING CORPORATION", "ofac:99003"));
        Party company = ofac.get("ofac:99003");
        assertThat(company.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(company.names()).extracting(PartyName::fullName, PartyName::quality).containsExactly(
                tuple("SONGAK GENERAL MACHINERY TRADING CORPORATION", NameQuality.STRONG),
                tuple("SONGNAM TRADING CORPORATION", NameQuality.STRONG),
                tuple("GENERAL PRECISION EXPORT CORPORATION", NameQuality.STRONG),
                tuple("SONGAK MACHINERY EXPORT COOPERATION", NameQuality.STRONG),
                tuple("KOGEMTRA", NameQuality.WEAK));
        assertThat(company.addresses()).extracting(Address::city, Address::countryCode).containsExactly(
                tuple("Pyongyang", "KP"), tuple("Beijing", "CN"), tuple("Tehran", "IR"));
        // and CHOE Chol Min's "Linked To" names an entry that is not in the demo file: the name is kept, no id
        assertThat(ofac.get("ofac:43598").relations()).containsExactly(
                new Relation("Linked To", "SECOND ACADEMY OF NATURAL SCIENCES", null));
    }

    @Test
    void ofacSdnCsv_otherEntries_showCommentsWeakAliasesVesselsAndAircraft() throws ListParseException {
        // given the parsed demo OFAC set
        Map<String, Party> ofac = byId(PARSERS.require("ofac-sdn-csv").parse(demo("ofac-sdn")));
        // then TIAN Yinyin's remarks continue in sdn_comments.csv mid-alias, and are joined before parsing
        Party tian = ofac.get("ofac:28263");
        assertThat(tian.names()).filteredOn(n -> n.quality() == NameQuality.WEAK).extracting(PartyName::fullName)
                .containsExactly("tianyinyin0404", "snowsjohn");
        assertThat(tian.relations()).containsExactly(new Relation("Linked To", "LAZARUS GROUP", "ofac:27307"));
        assertThat(tian.nationalities()).containsExactly("CN");
        // and SEMENOV Roman's continuation carries his passport and weak a.k.a.s
        Party semenov = ofac.get("ofac:44718");
        assertThat(semenov.identifiers()).filteredOn(i -> i.type() == IdentifierType.PASSPORT)
                .extracting(Identifier::value, Identifier::countryCode).containsExactly(tuple("731969851", "RU"));
        assertThat(semenov.names()).filteredOn(n -> n.quality() == NameQuality.WEAK)
                .extracting(PartyName::fullName).containsExactly("ROMA", "POMA");
        // and LAZARUS GROUP's continuation ends its list of weak a.k.a.s
        assertThat(ofac.get("ofac:27307").names()).filteredOn(n -> n.quality() == NameQuality.WEAK)
                .extracting(PartyName::fullName).endsWith("ZINC", "APT-C-26", "APPLEWORM");
        // and the vessels carry IMO numbers, the aircraft its operator link
        assertThat(ofac.get("ofac:99005").identifiers()).extracting(Identifier::type, Identifier::value)
                .contains(tuple(IdentifierType.IMO, "9088172"));
        assertThat(ofac.get("ofac:99005").relations()).containsExactly(
                new Relation("Linked To", "SOKAM SHIPPING CO", null));
        Party artavil = ofac.get("ofac:15036");
        assertThat(artavil.type()).isEqualTo(PartyType.VESSEL);
        assertThat(artavil.identifiers()).extracting(Identifier::type, Identifier::value).contains(
                tuple(IdentifierType.IMO, "9187629"), tuple(IdentifierType.CALL_SIGN, "T2EU4"));
        assertThat(artavil.relations()).extracting(Relation::targetPartyId).containsExactly("ofac:15117");
        assertThat(ofac.get("ofac:15438").relations()).extracting(Relation::targetPartyId)
                .containsExactly("ofac:12927");
        // and the legal forms of the companies are as published
        assertThat(ofac.get("ofac:16834").names()).extracting(PartyName::fullName)
                .containsExactly("STROYTRANSGAZ LLC", "OOO STROYTRANSGAZ");
        assertThat(ofac.get("ofac:16911").names()).extracting(PartyName::fullName)
                .contains("JOINT STOCK COMPANY CONCERN KALASHNIKOV", "JSC KALASHNIKOV CONCERN");
        assertThat(ofac.get("ofac:13173").relations()).extracting(Relation::targetPartyId)
                .containsExactly("ofac:15015");
    }

    // ------------------------------------------------------------------------------------------ UN, UK, EU

    @Test
    void unXml_demoFile_readsNineIndividualsAndThreeEntities() throws ListParseException {
        // given the demo UN file (invented entries in the official format)
        ParsedList list = PARSERS.require("un-xml").parse(demo("un/consolidated.xml"));
        // then it holds the invented DPRK and ISIL/Al-Qaida entries, dated by dateGenerated
        assertThat(list.warnings()).isEmpty();
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(list.parties()).extracting(Party::id).containsExactly("un:KPi.906", "un:KPi.913", "un:KPi.914",
                "un:KPi.918", "un:KPi.927", "un:KPi.928", "un:QDi.929", "un:QDi.923", "un:QDi.946", "un:KPe.901",
                "un:KPe.918", "un:KPe.969");
        assertThat(list.parties()).filteredOn(p -> p.type() == PartyType.INDIVIDUAL).hasSize(9);
        Map<String, Party> un = byId(list);
        Party rim = un.get("un:KPi.918");
        assertThat(rim.primaryName()).isEqualTo("RIM KYONG GUK");
        assertThat(rim.identifiers()).extracting(Identifier::type, Identifier::value).contains(
                tuple(IdentifierType.PASSPORT, "4729902417"), tuple(IdentifierType.UN_REFERENCE, "KPi.918"));
        assertThat(rim.designations()).extracting(Designation::listedOn).containsExactly(LocalDate.of(2016, 3, 2));
        assertThat(rim.datesOfBirth()).extracting(PartialDate::iso).containsExactly("1977-09-23", "1977-05-14");
        // and the four-part Arabic name carries its original script, good and low-quality aliases, two nationalities
        Party ramlawi = un.get("un:QDi.929");
        assertThat(ramlawi.primaryName()).isEqualTo("TAREQ MUHAMMAD SALEH MUHAMMAD AL-RAMLAWI");
        assertThat(ramlawi.names()).extracting(PartyName::fullName, PartyName::kind).contains(
                tuple("طارق محمد صالح محمد الرملاوي", NameKind.ORIGINAL_SCRIPT));
        assertThat(ramlawi.names()).filteredOn(n -> n.quality() == NameQuality.WEAK).extracting(PartyName::fullName)
                .containsExactly("Abu-Tareq Al-Urduni", "Abu-Tareq Al-Kanadi", "Abu-Tareq Al-Muhajir");
        assertThat(ramlawi.nationalities()).containsExactly("JO", "CA");
        assertThat(un.get("un:KPe.901").names()).extracting(PartyName::fullName).contains(
                "SONGAK GENERAL MACHINERY TRADING CORPORATION", "\"KOGEMTRA\"");
    }

    @Test
    void ukOfsiCsv_demoFile_readsThirteenGroupsWithTheirUnReferences() throws ListParseException {
        // given the demo OFSI ConList.csv
        ParsedList list = PARSERS.require("uk-ofsi-csv").parse(demo("uk/ConList.csv"));
        // then it holds 13 groups, dated by its "Last Updated" line
        assertThat(list.warnings()).isEmpty();
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2018, 4, 13));
        assertThat(list.parties()).hasSize(13);
        // and the UN references in "Other Information" are identifiers
        Map<String, List<String>> unRefs = list.parties().stream().collect(Collectors.toMap(Party::id,
                p -> p.identifiers().stream().filter(i -> i.type() == IdentifierType.UN_REFERENCE)
                        .map(Identifier::value).toList()));
        assertThat(unRefs).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("uk:99129", List.of("QDi.929")),
                Map.entry("uk:99101", List.of("KPe.901")), Map.entry("uk:99106", List.of("KPi.906")),
                Map.entry("uk:99119", List.of("KPe.918")), Map.entry("uk:99113", List.of()),
                Map.entry("uk:99114", List.of("KPi.914")), Map.entry("uk:99118", List.of("KPi.918")),
                Map.entry("uk:99127", List.of()), Map.entry("uk:99128", List.of("KPi.928")),
                Map.entry("uk:99146", List.of("QDi.946")), Map.entry("uk:99150", List.of()),
                Map.entry("uk:99169", List.of("KPe.969")), Map.entry("uk:99170", List.of())));
        Map<String, Party> uk = byId(list);
        assertThat(uk.get("uk:99170").identifiers()).extracting(Identifier::type, Identifier::value)
                .containsExactly(tuple(IdentifierType.IMO, "9088172"));
        // and a group's rows become one entry: the "Prime Alias" row gives the primary name, the others aliases
        assertThat(uk.get("uk:99146").names()).hasSize(5);
        assertThat(uk.get("uk:99118").identifiers()).extracting(Identifier::type, Identifier::value)
                .contains(tuple(IdentifierType.PASSPORT, "4729902417"));
    }

    @Test
    void euXml_demoFile_listsTheThreeWpkOfficialsUnderPrk() throws ListParseException {
        // given the demo EU FSF 1.1 file
        ParsedList list = PARSERS.require("eu-xml").parse(demo("eu/sanctions.xml"));
        // then it holds seven entries, three of them the WPK officials under Regulation (EU) 2017/1509
        assertThat(list.warnings()).isEmpty();
        assertThat(list.parties()).extracting(Party::id, Party::primaryName).containsExactly(
                tuple("eu:990101", "JON Il Ho"), tuple("eu:990102", "YU Jin"), tuple("eu:990103", "KIM Su Gil"),
                tuple("eu:990104", "RIM Kyong Guk"), tuple("eu:990105", "Songak General Machinery Trading Corporation"),
                tuple("eu:990106", "Arseny Lvovich TIMOFEYENKO"), tuple("eu:990107", "Aslan Tamazovich Gelashvili"));
        Map<String, Party> eu = byId(list);
        for (String id : List.of("eu:990101", "eu:990102", "eu:990103")) {
            assertThat(eu.get(id).designations()).extracting(Designation::program, Designation::legalBasis)
                    .containsExactly(tuple("PRK", "2017/1509 (OJ L224)"));
            assertThat(eu.get(id).citizenships()).containsExactly("KP");
        }
        assertDob(eu.get("eu:990101"), "1956-02-20", DatePrecision.DAY);
        assertThat(eu.get("eu:990101").identifiers()).extracting(Identifier::type, Identifier::value,
                Identifier::countryCode).containsExactly(tuple(IdentifierType.PASSPORT, "PS463120423", "KP"));
        assertThat(eu.get("eu:990101").names()).extracting(PartyName::fullName, PartyName::kind).contains(
                tuple("전일호", NameKind.ORIGINAL_SCRIPT));
        assertDob(eu.get("eu:990102"), "1960", DatePrecision.YEAR);
        assertThat(eu.get("eu:990102").names()).filteredOn(n -> n.fullName().equals("YOO Jin"))
                .extracting(PartyName::quality).containsExactly(NameQuality.WEAK);
        assertDob(eu.get("eu:990103"), "1950", DatePrecision.YEAR);
        assertThat(eu.get("eu:990105").identifiers()).extracting(Identifier::type, Identifier::value)
                .containsExactly(tuple(IdentifierType.UN_REFERENCE, "KPe.901"));
        assertThat(eu.get("eu:990106").names()).extracting(PartyName::fullName, PartyName::kind).contains(
                tuple("Арсений Львович Тимофеенко", NameKind.ORIGINAL_SCRIPT));
    }

    // ------------------------------------------------------------------------------------------ import + links

    @Test
    void importSources_allDemoListsAndNotices_savesOneLinkedSnapshot() throws ListParseException {
        // given an importer over an H2 in-memory store
        JdbcSnapshotStore store = new JdbcSnapshotStore(new H2MemoryDataSource(), fixedClock());
        RegistryImporter importer = new RegistryImporter(PARSERS, store);
        // when every demo list is imported together with the designation notices of config/notices
        ImportResult result = importer.importSources(demoSources());
        // then no id collides and every entry is in the one active snapshot
        assertThat(result.sources()).extracting(ImportResult.SourceCount::sourceType,
                ImportResult.SourceCount::entryCount).containsExactly(tuple("ofac-sdn-csv", 29), tuple("un-xml", 12),
                        tuple("uk-ofsi-csv", 13), tuple("eu-xml", 7), tuple("notices", 5));
        assertThat(result.sources()).allSatisfy(s -> assertThat(s.warnings()).isEmpty());
        assertThat(result.partyCount()).isEqualTo(66);
        // 41 links by identifiers, UN references and name+DOB+nationality (OFSI's demonym "North Korean" read as KP)
        assertThat(result.linkCount()).isEqualTo(41);
        long id = result.snapshotId();
        assertThat(store.active().orElseThrow().sources()).extracting(SnapshotSource::entryCount)
                .containsExactly(29, 12, 13, 7, 5);
        assertThat(store.failedImports()).isEmpty();

        // and the notice entries link to the OFAC seed persons (and the EU demo entries join them)
        assertThat(store.linkedIds(id, "notice:jon-il-ho")).containsExactly("eu:990101", "ofac:39496");
        assertThat(store.linkedIds(id, "notice:yu-jin")).containsExactly("eu:990102", "ofac:39497");
        assertThat(store.linkedIds(id, "notice:kim-su-gil")).containsExactly("eu:990103", "ofac:39498");
        assertThat(store.linkedIds(id, "notice:choe-chol-min")).containsExactly("ofac:43598");
        assertThat(store.linkedIds(id, "notice:choe-un-jong")).containsExactly("ofac:43616");
        assertThat(reason(store.links(id, "ofac:39496"), "notice:jon-il-ho"))
                .startsWith("same passport PS463120423 (KP)");
        assertThat(reason(store.links(id, "ofac:43598"), "notice:choe-chol-min"))
                .startsWith("same passport 108410050 (KP)");
        assertThat(reason(store.links(id, "ofac:39497"), "notice:yu-jin"))
                .isEqualTo("same name 'jin yu', DOB 1960 overlaps, nationality KP");
        // and the near miss RYO Jin stays apart from YU Jin, grouped with his UN and UK entries by passport
        assertThat(store.linkedIds(id, "ofac:99002")).containsExactly("uk:99127", "un:KPi.927");
        assertThat(store.linkedIds(id, "ofac:39497")).doesNotContain("ofac:99002", "un:KPi.927", "uk:99127");
        assertThat(reason(store.links(id, "ofac:99002"), "un:KPi.927")).isEqualTo(
                "same passport 563990218; same name 'jin ryo', DOB 1966-03-14 overlaps, nationality KP");

        // and every UK entry paired with a UN entry is linked to it, by the UN reference the UK row states
        Map<String, String> unByUk = Map.of("uk:99106", "un:KPi.906", "uk:99114", "un:KPi.914", "uk:99118",
                "un:KPi.918", "uk:99128", "un:KPi.928", "uk:99101", "un:KPe.901", "uk:99119", "un:KPe.918",
                "uk:99169", "un:KPe.969", "uk:99129", "un:QDi.929", "uk:99146", "un:QDi.946");
        unByUk.forEach((uk, un) -> assertThat(reason(store.links(id, uk), un)).as(uk + " — " + un)
                .contains("UN reference " + un.substring(3)));
        // (RYO Jin's UK row states no UN reference: his UK and UN entries share his passport, and his name, date of
        // birth and nationality once OFSI's "North Korean" reads as KP)
        assertThat(reason(store.links(id, "uk:99127"), "un:KPi.927")).isEqualTo(
                "same passport 563990218; same name 'jin ryo', DOB 1966-03-14 overlaps, nationality KP");

        // and entries of three or four lists form one group each
        assertThat(store.linkedIds(id, "un:KPi.918")).containsExactly("eu:990104", "ofac:99004", "uk:99118");
        assertThat(reason(store.links(id, "ofac:99004"), "un:KPi.918")).isEqualTo("same passport 4729902417 (KP)");
        assertThat(store.linkedIds(id, "un:KPe.901")).containsExactly("eu:990105", "ofac:99003", "uk:99101");
        assertThat(reason(store.links(id, "ofac:99003"), "un:KPe.901"))
                .isEqualTo("same name 'corporation general machinery songak trading', country KP");
        assertThat(store.linkedIds(id, "un:KPe.918")).containsExactly("ofac:99001", "uk:99119");
        assertThat(store.linkedIds(id, "un:QDi.929")).containsExactly("ofac:99006", "uk:99129");
        assertThat(reason(store.links(id, "ofac:99006"), "un:QDi.929")).isEqualTo("same national ID 9711990462 (JO)");
        assertThat(store.linkedIds(id, "un:QDi.946")).containsExactly("eu:990107", "uk:99146");
        assertThat(store.linkedIds(id, "eu:990106")).isEmpty();
        assertThat(store.linkedIds(id, "un:QDi.923")).isEmpty();
        assertThat(reason(store.links(id, "ofac:99005"), "uk:99170")).isEqualTo("same IMO number 9088172");
        // and the published OFAC entries outside the DPRK seed set link to nothing in the demo
        assertThat(store.linkedIds(id, "ofac:24283")).isEmpty();
        assertThat(store.linkedIds(id, "ofac:15036")).isEmpty();
    }

    /**
     * OFSI writes nationalities as demonyms ("North Korean"); read as KP, they let the name rule of the linker (same
     * name, overlapping DOB, shared nationality) pair UK 99113 (HAN Song-Chol, 21/09/1955, "North Korean", no UN
     * reference in the row) with UN KPi.913 (HAN SONG-CHOL, 1955-09-21, KP).
     */
    @Test
    void importSources_ukDemonymNationality_linksHanSongCholByName() throws ListParseException {
        // given the demo lists in one snapshot
        JdbcSnapshotStore store = new JdbcSnapshotStore(new H2MemoryDataSource(), fixedClock());
        long id = new RegistryImporter(PARSERS, store).importSources(demoSources()).snapshotId();
        // then the UK and UN entries of HAN Song-Chol are linked by name, DOB and nationality, and by nothing else
        assertThat(store.linkedIds(id, "uk:99113")).containsExactly("un:KPi.913");
        assertThat(reason(store.links(id, "uk:99113"), "un:KPi.913"))
                .isEqualTo("same name 'chol han song', DOB 1955-09-21 overlaps, nationality KP");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<SourceRequest> demoSources() {
        return List.of(new SourceRequest("ofac-sdn-csv", demo("ofac-sdn")),
                new SourceRequest("un-xml", demo("un/consolidated.xml")),
                new SourceRequest("uk-ofsi-csv", demo("uk/ConList.csv")),
                new SourceRequest("eu-xml", demo("eu/sanctions.xml")),
                new SourceRequest("notices", Path.of("..", "config", "notices")));
    }

    /** A file or folder under the classpath folder {@code demo/lists} (a directory on the test classpath). */
    private static Path demo(String relative) {
        URL url = DemoListsTests.class.getResource("/demo/lists/" + relative);
        assertThat(url).as("classpath resource demo/lists/" + relative).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Party> byId(ParsedList list) {
        return list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    private static void assertDob(Party p, String iso, DatePrecision precision) {
        assertThat(p.datesOfBirth()).as(p.id()).extracting(PartialDate::iso, PartialDate::precision)
                .containsExactly(tuple(iso, precision));
    }

    private static void assertProgram(Party p, String program, String legalBasis, String reference) {
        assertThat(p.designations()).as(p.id()).extracting(Designation::authority, Designation::program,
                Designation::legalBasis, Designation::sourceReference)
                .containsExactly(tuple("US Treasury OFAC", program, legalBasis, reference));
    }

    private static String reason(List<PartyLink> links, String other) {
        return links.stream().filter(l -> l.linkedPartyId().equals(other)).map(PartyLink::reason).findFirst()
                .orElse("(no direct link to " + other + " among " + links + ")");
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Clock fixedClock() {
        return Clock.fixed(Instant.parse("2026-03-03T06:00:00Z"), ZoneOffset.UTC);
    }

    /**
     * A fresh H2 in-memory database through {@link DriverManager}: the H2 driver is a runtime dependency of this
     * module, so its classes are not on the test compile path.
     */
    private static final class H2MemoryDataSource implements DataSource {

        private final String url = "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, "sa", "");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
