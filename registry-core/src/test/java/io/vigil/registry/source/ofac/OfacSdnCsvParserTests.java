package io.vigil.registry.source.ofac;

import static io.vigil.registry.source.ofac.OfacSeedAssertions.assertChoeCholMin;
import static io.vigil.registry.source.ofac.OfacSeedAssertions.party;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.Hashing;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacSdnCsvParserTests {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/ofac-csv/sdn");

    @Test
    void sourceType_isOfacSdnCsv() {
        assertThat(new OfacSdnCsvParser().sourceType()).isEqualTo("ofac-sdn-csv");
        assertThat(new OfacConsCsvParser().sourceType()).isEqualTo("ofac-cons-csv");
    }

    @Test
    void parse_fixtureSet_readsEveryEntryInSourceOrder() throws Exception {
        // given the fixture set: 10 sdn.csv rows, add/alt rows, and comments (one orphan)
        // when
        ParsedList list = new OfacSdnCsvParser().parse(FIXTURE);
        // then
        assertThat(list.parties()).extracting(Party::id).containsExactly("ofac:306", "ofac:4243", "ofac:20540",
                "ofac:27307", "ofac:28263", "ofac:39496", "ofac:39497", "ofac:39498", "ofac:43598", "ofac:43616");
        assertThat(list.parties()).extracting(Party::type).containsExactly(PartyType.ORGANIZATION,
                PartyType.VESSEL, PartyType.AIRCRAFT, PartyType.ORGANIZATION, PartyType.INDIVIDUAL,
                PartyType.INDIVIDUAL, PartyType.INDIVIDUAL, PartyType.INDIVIDUAL, PartyType.INDIVIDUAL,
                PartyType.INDIVIDUAL);
        assertThat(list.warnings()).containsExactly("sdn_comments.csv line 1: ent_num 15600 is not in sdn.csv; "
                + "its remarks continuation was ignored");
    }

    @Test
    void parse_choeCholMin_allFieldsAsPublished() throws Exception {
        // given the fixture rows of seed person CHOE Chol Min (ent 43598)
        // when
        ParsedList list = new OfacSdnCsvParser().parse(FIXTURE);
        // then his Linked To target (SECOND ACADEMY OF NATURAL SCIENCES) is not in the fixture: the name is kept, no id
        assertChoeCholMin(party(list, "ofac:43598"), null);
    }

    @Test
    void parse_linkedToInComments_resolvesToTheEntryInTheSameFile() throws Exception {
        // given TIAN Yinyin (28263), whose remarks end in sdn_comments.csv with "Linked To: LAZARUS GROUP", and
        // LAZARUS GROUP (27307), whose weak a.k.a.s continue there too
        // when
        ParsedList list = new OfacSdnCsvParser().parse(FIXTURE);
        // then the relation resolves to ent 27307, and both continuations are joined before parsing
        assertThat(party(list, "ofac:28263").relations())
                .containsExactly(new Relation("Linked To", "LAZARUS GROUP", "ofac:27307"));
        Party lazarus = party(list, "ofac:27307");
        assertThat(lazarus.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(lazarus.addresses()).extracting(Address::city, Address::countryCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pyongyang", "KP"));
        assertThat(lazarus.names()).filteredOn(n -> n.quality() == NameQuality.WEAK).extracting(PartyName::fullName)
                .endsWith("ZINC", "APT-C-26", "APPLEWORM");
    }

    @Test
    void parse_otherSeedPersons_programsAndLegalBasis() throws Exception {
        // given / when
        ParsedList list = new OfacSdnCsvParser().parse(FIXTURE);
        // then
        Party jon = party(list, "ofac:39496");
        assertThat(jon.names()).extracting(PartyName::fullName).containsExactly("JON, Il Ho", "CHON, Il Ho");
        assertThat(jon.designations()).extracting(Designation::program, Designation::legalBasis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DPRK2", "E.O. 13687"));
        assertThat(jon.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "Passport",
                "PS463120423", "Korea, North", "KP", null));
        assertThat(jon.addresses()).containsExactly(new Address(null, null, null, null, "Korea, North", "KP"));
        Party yu = party(list, "ofac:39497");
        assertThat(yu.datesOfBirth()).extracting(d -> d.iso()).containsExactly("1960");
        assertThat(yu.names()).extracting(PartyName::fullName).containsExactly("YU, Jin", "YU, Chin", "YOO, Jin");
        Party un = party(list, "ofac:43616");
        assertThat(un.gender()).isEqualTo("Female");
        assertThat(un.designations()).extracting(Designation::legalBasis).containsExactly("E.O. 13810");
        assertThat(un.names()).extracting(PartyName::fullName)
                .containsExactly("CHOE, Un Jong", "CHOE, Unjong", "CH'OE, U'n-cho'ng");
    }

    @Test
    void parse_commentsContinuation_isJoinedBeforeParsing() throws Exception {
        // given TIAN Yinyin (28263): sdn.csv remarks end in "a.k.a. 'snowsjo", sdn_comments.csv continues
        // with "hn'; Linked To: LAZARUS GROUP."
        // when
        Party tian = party(new OfacSdnCsvParser().parse(FIXTURE), "ofac:28263");
        // then the alias is whole and the link after it is read (and resolved: LAZARUS GROUP is ent 27307)
        assertThat(tian.names()).extracting(PartyName::fullName, PartyName::kind, PartyName::quality)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TIAN, Yinyin", NameKind.PRIMARY, NameQuality.STRONG),
                        org.assertj.core.groups.Tuple.tuple("tianyinyin0404", NameKind.AKA, NameQuality.WEAK),
                        org.assertj.core.groups.Tuple.tuple("snowsjohn", NameKind.AKA, NameQuality.WEAK));
        assertThat(tian.relations()).containsExactly(new Relation("Linked To", "LAZARUS GROUP", "ofac:27307"));
        assertThat(tian.designations()).extracting(Designation::program, Designation::legalBasis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DPRK3", "E.O. 13722"),
                org.assertj.core.groups.Tuple.tuple("CYBER2", "E.O. 13694, as amended by E.O. 13757"));
        assertThat(tian.identifiers()).filteredOn(i -> i.type() == IdentifierType.OTHER)
                .extracting(Identifier::label).containsOnly("Digital Currency Address - XBT").hasSize(8);
        assertThat(tian.identifiers()).contains(
                new Identifier(IdentifierType.EMAIL, "Email Address", "417136259@qq.com", null, null, null),
                new Identifier(IdentifierType.NATIONAL_ID, "Identification Number", "321284198607120616", "China",
                        "CN", null));
        assertThat(tian.remarks()).contains("Phone Number 8613621583465");
        assertThat(tian.addresses()).containsExactly(new Address(null, "Nanjing, Jiangsu", null, null, "China", "CN"));
    }

    @Test
    void parse_weakAkaInRemarks_isAWeakAliasBesideTheStrongOnes() throws Exception {
        // given BANCO NACIONAL DE CUBA (306): alt.csv "NATIONAL BANK OF CUBA", remarks "a.k.a. 'BNC'."
        // when
        Party bank = party(new OfacSdnCsvParser().parse(FIXTURE), "ofac:306");
        // then
        assertThat(bank.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(bank.names()).containsExactly(
                new PartyName("BANCO NACIONAL DE CUBA", null, null, NameKind.PRIMARY, NameQuality.STRONG, "Latn"),
                new PartyName("NATIONAL BANK OF CUBA", null, null, NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("BNC", null, null, NameKind.AKA, NameQuality.WEAK, "Latn"));
        assertThat(bank.designations()).extracting(Designation::program, Designation::legalBasis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CUBA", null));
        assertThat(bank.addresses()).hasSize(4).contains(
                new Address("Zweierstrasse 35", "Zurich CH-8022", null, null, "Switzerland", "CH"),
                new Address("Dai-Ichi Bldg. 6th Floor, 10-2 Nihombashi, 2-chome, Chuo-ku", "Tokyo 103", null, null,
                        "Japan", "JP"));
        assertThat(bank.remarks()).isEmpty();
    }

    @Test
    void parse_vessel_imoCallSignFlagAndFormerNames() throws Exception {
        // given EBANO (4243): vessel, General Cargo, 2595 t, GRT 1865, flag Panama, IMO 7406784, two f.k.a.s
        // when
        Party ebano = party(new OfacSdnCsvParser().parse(FIXTURE), "ofac:4243");
        // then
        assertThat(ebano.type()).isEqualTo(PartyType.VESSEL);
        assertThat(ebano.identifiers()).containsExactly(new Identifier(IdentifierType.IMO,
                "Vessel Registration Identification", "7406784", null, null, null));
        assertThat(ebano.nationalities()).containsExactly("PA");
        assertThat(ebano.remarks()).containsExactly("Vessel Type: General Cargo", "Tonnage: 2595", "GRT: 1865");
        assertThat(ebano.names()).extracting(PartyName::fullName, PartyName::kind, PartyName::quality)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EBANO", NameKind.PRIMARY, NameQuality.STRONG),
                        org.assertj.core.groups.Tuple.tuple("ANA I", NameKind.FKA, NameQuality.WEAK),
                        org.assertj.core.groups.Tuple.tuple("SAND SWAN", NameKind.FKA, NameQuality.WEAK));
        assertThat(ebano.addresses()).as("its add.csv row is all -0-").isEmpty();
    }

    @Test
    void parse_aircraft_detailsStayRemarks() throws Exception {
        // given P-532 (20540), aircraft of Air Koryo, program DPRK3
        // when
        Party plane = party(new OfacSdnCsvParser().parse(FIXTURE), "ofac:20540");
        // then
        assertThat(plane.type()).isEqualTo(PartyType.AIRCRAFT);
        assertThat(plane.primaryName()).isEqualTo("P-532");
        assertThat(plane.remarks()).startsWith("Aircraft Manufacture Date 1974", "Aircraft Model AN24-RV",
                "Aircraft Operator Air Koryo");
    }

    @Test
    void parse_listSource_citesTheSetAndHashesEveryFile() throws Exception {
        // given / when
        ListSource source = new OfacSdnCsvParser().parse(FIXTURE).source();
        // then
        assertThat(source.sourceType()).isEqualTo("ofac-sdn-csv");
        assertThat(source.authority()).isEqualTo(Authorities.OFAC);
        assertThat(source.listName()).isEqualTo(Authorities.OFAC_SDN_LIST);
        assertThat(source.publicationDate()).isNull();
        assertThat(source.publicationDateNote()).isEqualTo("not stated in the legacy CSV files");
        assertThat(source.url()).isEqualTo("https://www.treasury.gov/ofac/downloads/sdn.csv");
        assertThat(source.files()).extracting(SourceFile::name)
                .containsExactly("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
        for (SourceFile f : source.files()) {
            Path p = FIXTURE.resolve(f.name());
            assertThat(f.sha256()).isEqualTo(Hashing.sha256(p));
            assertThat(f.sizeBytes()).isEqualTo(Files.size(p));
        }
        assertThat(source.mainFile().name()).isEqualTo("sdn.csv");
    }

    @Test
    void parse_onlySdnCsv_readsEntriesWithoutAddressesOrAliases(@TempDir Path dir) throws Exception {
        // given a directory with only sdn.csv
        Files.copy(FIXTURE.resolve("sdn.csv"), dir.resolve("sdn.csv"));
        // when
        ParsedList list = new OfacSdnCsvParser().parse(dir);
        // then
        assertThat(list.parties()).hasSize(10);
        assertThat(list.source().files()).extracting(SourceFile::name).containsExactly("sdn.csv");
        assertThat(list.warnings()).isEmpty();
        Party choe = party(list, "ofac:43598");
        assertThat(choe.names()).extracting(PartyName::fullName).containsExactly("CHOE, Chol Min");
        assertThat(choe.addresses()).isEmpty();
        Party tian = party(list, "ofac:28263");
        assertThat(tian.relations()).as("the continuation is in the absent comments file").isEmpty();
        assertThat(tian.names()).extracting(PartyName::fullName).contains("snowsjo");
    }

    @Test
    void parse_upperCaseFileNames_areFound(@TempDir Path dir) throws Exception {
        // given the set with upper-case names, as some mirrors store it
        for (String f : List.of("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")) {
            Files.copy(FIXTURE.resolve(f), dir.resolve(f.toUpperCase(java.util.Locale.ROOT)));
        }
        // when
        ParsedList list = new OfacSdnCsvParser().parse(dir);
        // then
        assertThat(list.source().files()).extracting(SourceFile::name)
                .containsExactly("SDN.CSV", "ADD.CSV", "ALT.CSV", "SDN_COMMENTS.CSV");
        assertChoeCholMin(party(list, "ofac:43598"), null);
    }
}
