package io.vigil.registry.source.uk;

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
import io.vigil.registry.source.ParsedList;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The small OFSI consolidated list fixture (written, not official). */
class UkOfsiCsvParserTests {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/uk/ofsi-conlist-sample.csv");
    private static final String DPRK = "North Korea (Democratic People's Republic of Korea)";

    private final UkOfsiCsvParser parser = new UkOfsiCsvParser();

    @Test
    void parse_fixture_groupsRowsByGroupId() throws Exception {
        // given 9 name rows in 4 groups

        // when
        ParsedList list = parser.parse(FIXTURE);

        // then
        assertThat(parser.sourceType()).isEqualTo("uk-ofsi-csv");
        assertThat(list.parties()).extracting(Party::id, Party::type, Party::primaryName).containsExactly(
                tuple("uk:90001", PartyType.INDIVIDUAL, "Chol Min CHOE"),
                tuple("uk:90002", PartyType.INDIVIDUAL, "Hassan Dirie BARKHADLE"),
                tuple("uk:90003", PartyType.ORGANIZATION, "KOREA EXAMPLE TRADING CORPORATION"),
                tuple("uk:90004", PartyType.INDIVIDUAL, "José MUÑOZ"));
        assertThat(list.source().publicationDate()).isEqualTo(LocalDate.of(2018, 4, 13));
        assertThat(list.source().listName()).isEqualTo(Authorities.UK_OFSI_LIST);
        assertThat(list.source().url()).isEqualTo(UkOfsiCsvParser.URL);
        assertThat(list.warnings()).isEmpty(); // valid UTF-8: no encoding warning
    }

    @Test
    void parse_fixtureSeedPerson_readsNamesDocumentsAndCitation() throws Exception {
        // when
        Party p = parser.parse(FIXTURE).parties().get(0);

        // then
        assertThat(p.names()).extracting(PartyName::fullName, PartyName::kind).containsExactly(
                tuple("Chol Min CHOE", NameKind.PRIMARY), tuple("Chol-min CHOE", NameKind.AKA));
        assertThat(p.names().get(0).givenName()).isEqualTo("Chol Min");
        assertThat(p.names().get(0).familyName()).isEqualTo("CHOE");
        assertThat(p.datesOfBirth()).extracting(PartialDate::precision, PartialDate::iso)
                .containsExactly(tuple(DatePrecision.DAY, "1978-04-03"));
        assertThat(p.nationalities()).containsExactly("KP");
        assertThat(p.identifiers()).containsExactly(new Identifier(IdentifierType.PASSPORT, "Passport Details",
                "108410050", null, null, "108410050 (North Korea). Expires 19 Oct 2023"));
        assertThat(p.addresses()).containsExactly(new Address("Beijing", null, null, null, "China", "CN"));
        assertThat(p.designations()).containsExactly(new Designation(Authorities.UK_OFSI, Authorities.UK_OFSI_LIST,
                DPRK, null, LocalDate.of(2023, 6, 15), "90001", UkOfsiCsvParser.URL, "uk-ofsi-csv"));
    }

    @Test
    void parse_fixtureTwoRegimes_makesOneDesignationPerRegime() throws Exception {
        // when
        Party p = parser.parse(FIXTURE).parties().get(1);

        // then
        assertThat(p.names()).hasSize(2);
        assertThat(p.datesOfBirth()).extracting(PartialDate::precision, PartialDate::iso)
                .containsExactly(tuple(DatePrecision.YEAR, "1935"));
        assertThat(p.nationalities()).containsExactly("SO");
        assertThat(p.identifiers()).containsExactly(
                new Identifier(IdentifierType.UN_REFERENCE, "UN Ref", "SOi.901", null, null, null));
        assertThat(p.remarks()).containsExactly("UN Ref SOi.901. Fixture entry.");
        assertThat(p.designations()).extracting(Designation::program, Designation::listedOn).containsExactly(
                tuple("Somalia", LocalDate.of(2010, 4, 28)),
                tuple("The ISIL (Da'esh) and Al-Qaida organisations", LocalDate.of(2001, 11, 8)));
    }

    @Test
    void parse_fixtureEntity_keepsFormerNameAndQuotedAddress() throws Exception {
        // when
        Party p = parser.parse(FIXTURE).parties().get(2);

        // then
        assertThat(p.names()).extracting(PartyName::fullName, PartyName::kind, PartyName::givenName)
                .containsExactly(tuple("KOREA EXAMPLE TRADING CORPORATION", NameKind.PRIMARY, null),
                        tuple("KOREA EXAMPLE TRADING CO., LTD", NameKind.FKA, null));
        assertThat(p.addresses()).containsExactly(new Address(
                "Chung-guyok (Central District), Okryu Street, Munsu-dong, Pyongyang", null, null, null, "DPRK",
                "KP"));
        assertThat(p.identifiers()).extracting(Identifier::type, Identifier::value)
                .containsExactly(tuple(IdentifierType.UN_REFERENCE, "KPe.999"));
    }

    @Test
    void parse_fixtureEnumeratedValues_splitsThem() throws Exception {
        // when
        Party p = parser.parse(FIXTURE).parties().get(3);

        // then
        assertThat(p.datesOfBirth()).extracting(PartialDate::precision, PartialDate::iso)
                .containsExactly(tuple(DatePrecision.MONTH, "1980-05"));
        assertThat(p.nationalities()).containsExactly("SO", "SE");
        assertThat(p.titles()).containsExactly("General", "Major General", "Commander");
        assertThat(p.placesOfBirth()).containsExactly("Mogadishu, Somalia");
        assertThat(p.identifiers()).extracting(Identifier::type, Identifier::value).containsExactly(
                tuple(IdentifierType.NATIONAL_ID, "6110199912301"), tuple(IdentifierType.NATIONAL_ID, "24499990317"));
        assertThat(p.identifiers()).allSatisfy(i -> assertThat(i.note())
                .isEqualTo("(1) 6110199912301 (Pakistan) (2) 24499990317 (Pakistan)"));
    }
}
