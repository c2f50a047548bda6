package io.vigil.registry.source.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notices shipped in config/notices (top level of the repository). */
class DesignationNoticeParserTests {

    static final Path CONFIG = Path.of("../config/notices");
    private static final String SDN = "Specially Designated Nationals and Blocked Persons List (SDN)";

    private static ParsedList list;
    private static Map<String, Party> byId;

    @BeforeAll
    static void parse() throws Exception {
        list = new DesignationNoticeParser().parse(CONFIG);
        byId = list.parties().stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    private static Designation designation(Party p, String authority) {
        return p.designations().stream().filter(d -> d.authority().equals(authority)).findFirst().orElseThrow();
    }

    @Test
    void parse_configNotices_readsFiveMergedPersons() {
        // given config/notices with four notice files
        // then
        assertThat(new DesignationNoticeParser().sourceType()).isEqualTo("notices");
        assertThat(list.parties()).extracting(Party::id, Party::type, Party::primaryName).containsExactly(
                tuple("notice:jon-il-ho", PartyType.INDIVIDUAL, "JON, Il Ho"),
                tuple("notice:yu-jin", PartyType.INDIVIDUAL, "YU, Jin"),
                tuple("notice:kim-su-gil", PartyType.INDIVIDUAL, "KIM, Su Gil"),
                tuple("notice:choe-chol-min", PartyType.INDIVIDUAL, "CHOE, Chol Min"),
                tuple("notice:choe-un-jong", PartyType.INDIVIDUAL, "CHOE, Un Jong"));
        assertThat(list.source().files()).extracting(SourceFile::name).containsExactly(
                "eu-2022-dprk-wpk-officials.yaml", "kr-2022-12-02-independent-sanctions.yaml",
                "us-2022-12-01-wpk-officials.yaml", "us-2023-06-15-second-academy.yaml");
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(list.source().sourceType()).isEqualTo("notices");
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void parse_jonIlHo_carriesUsEuAndKoreanCitations() {
        // when
        Party p = byId.get("notice:jon-il-ho");

        // then
        assertThat(p.names()).extracting(PartyName::fullName, PartyName::kind, PartyName::script).containsExactly(
                tuple("JON, Il Ho", NameKind.PRIMARY, "Latn"), tuple("전일호", NameKind.ORIGINAL_SCRIPT, "Hang"),
                tuple("CHON, Il Ho", NameKind.AKA, "Latn"));
        assertThat(p.datesOfBirth()).extracting(PartialDate::precision, PartialDate::iso)
                .containsExactly(tuple(DatePrecision.DAY, "1956-02-20"));
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.gender()).isEqualTo("Male");
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.PASSPORT, "passport", "PS463120423", "KP", "KP", null));
        assertThat(p.addresses()).containsExactly(new Address(null, null, null, null, "North Korea", "KP"));
        assertThat(p.designations()).containsExactly(
                new Designation(Authorities.EU, Authorities.EU_LIST, "DPRK", "Council Regulation (EU) 2017/1509", null, "eu-2022-dprk", null,
                        "notices"),
                new Designation(Authorities.KOREA, "Republic of Korea independent sanctions designations", "DPRK",
                        null, LocalDate.of(2022, 12, 2), "kr-2022-12-02", null, "notices"),
                new Designation(Authorities.OFAC, SDN, "DPRK2", "E.O. 13687", LocalDate.of(2022, 12, 1),
                        "us-2022-12-01-wpk", null, "notices"));
        assertThat(p.remarks()).contains("eu-2022-dprk: announced 2022 (exact date not recorded)",
                "us-2022-12-01-wpk: Designated in coordination with the Republic of Korea and Japan.");
    }

    @Test
    void parse_yuJinAndKimSuGil_yearOnlyBirthDatesAndHangul() {
        // when
        Party yu = byId.get("notice:yu-jin");
        Party kim = byId.get("notice:kim-su-gil");

        // then
        assertThat(yu.names()).extracting(PartyName::fullName).containsExactly("YU, Jin", "유진", "YU, Chin",
                "YOO, Jin");
        assertThat(yu.datesOfBirth()).extracting(PartialDate::precision, PartialDate::iso)
                .containsExactly(tuple(DatePrecision.YEAR, "1960"));
        assertThat(kim.names()).extracting(PartyName::fullName).containsExactly("KIM, Su Gil", "김수길",
                "KIM, Su-kil");
        assertThat(kim.datesOfBirth()).extracting(PartialDate::iso).containsExactly("1950");
        for (Party p : new Party[] {yu, kim}) {
            assertThat(p.designations()).extracting(Designation::authority, Designation::program,
                    Designation::legalBasis, Designation::listedOn, Designation::url).containsExactly(
                    tuple(Authorities.EU, "DPRK", "Council Regulation (EU) 2017/1509", null, null),
                    tuple(Authorities.KOREA, "DPRK", null, LocalDate.of(2022, 12, 2), null),
                    tuple(Authorities.OFAC, "DPRK2", "E.O. 13687", LocalDate.of(2022, 12, 1), null));
        }
    }

    @Test
    void parse_choeCholMin_npwmdUnderEo13382() {
        // when
        Party p = byId.get("notice:choe-chol-min");

        // then
        assertThat(p.names()).extracting(PartyName::fullName, PartyName::kind).containsExactly(
                tuple("CHOE, Chol Min", NameKind.PRIMARY), tuple("CHOE, Chol-min", NameKind.AKA),
                tuple("최철민", NameKind.ORIGINAL_SCRIPT));
        assertThat(p.datesOfBirth()).extracting(PartialDate::iso).containsExactly("1978-04-03");
        assertThat(p.addresses()).containsExactly(new Address(null, "Beijing", null, null, "China", "CN"));
        assertThat(p.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "passport", "108410050",
                "KP", "KP", "expires 19 Oct 2023"));
        assertThat(p.relations()).containsExactly(
                new Relation("Linked To", "SECOND ACADEMY OF NATURAL SCIENCES", null),
                new Relation("Spouse", "CHOE, Un Jong", "notice:choe-un-jong"));
        assertThat(p.designations()).containsExactly(new Designation(Authorities.OFAC, SDN, "NPWMD", "E.O. 13382",
                LocalDate.of(2023, 6, 15), "us-2023-06-15-second-academy", null, "notices"));
    }

    @Test
    void parse_choeUnJong_dprk4UnderEo13810() {
        // when
        Party p = byId.get("notice:choe-un-jong");

        // then
        assertThat(p.names()).extracting(PartyName::fullName).containsExactly("CHOE, Un Jong", "CHOE, Unjong",
                "CH'OE, U'n-cho'ng");
        assertThat(p.gender()).isEqualTo("Female");
        assertThat(p.datesOfBirth()).extracting(PartialDate::iso).containsExactly("1978-05-10");
        assertThat(p.identifiers()).extracting(Identifier::value).containsExactly("108410051");
        assertThat(p.relations()).containsExactly(new Relation("Spouse", "CHOE, Chol Min", "notice:choe-chol-min"));
        assertThat(p.designations()).containsExactly(new Designation(Authorities.OFAC, SDN, "DPRK4", "E.O. 13810",
                LocalDate.of(2023, 6, 15), "us-2023-06-15-second-academy", null, "notices"));
    }
}
