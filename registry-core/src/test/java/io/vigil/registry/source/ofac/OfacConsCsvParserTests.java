package io.vigil.registry.source.ofac;

import static io.vigil.registry.source.ofac.OfacSeedAssertions.party;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ParsedList;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OfacConsCsvParserTests {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/ofac-csv/cons");

    @Test
    void parse_fixtureSet_citesTheConsolidatedList() throws Exception {
        // given cons_prim/cons_add/cons_alt with two NS-PLC entries and no comments file
        // when
        ParsedList list = new OfacConsCsvParser().parse(FIXTURE);
        // then
        assertThat(list.parties()).extracting(Party::id).containsExactly("ofac:9639", "ofac:9640");
        assertThat(list.warnings()).isEmpty();
        assertThat(list.source().sourceType()).isEqualTo("ofac-cons-csv");
        assertThat(list.source().listName()).isEqualTo(Authorities.OFAC_CONS_LIST);
        assertThat(list.source().url())
                .isEqualTo("https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv");
        assertThat(list.source().publicationDate()).isNull();
        assertThat(list.source().files()).extracting(SourceFile::name)
                .containsExactly("cons_prim.csv", "cons_add.csv", "cons_alt.csv");
    }

    @Test
    void parse_haniya_datePlaceAliasesDesignation() throws Exception {
        // given 9639,"HANIYA, Ismail Abdul Salah","individual","NS-PLC",…,"DOB 1962; POB Shati."
        // when
        Party p = party(new OfacConsCsvParser().parse(FIXTURE), "ofac:9639");
        // then
        assertThat(p.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(p.names()).containsExactly(
                new PartyName("HANIYA, Ismail Abdul Salah", "Ismail Abdul Salah", "HANIYA", NameKind.PRIMARY,
                        NameQuality.STRONG, "Latn"),
                new PartyName("HANIYA, Ismail", "Ismail", "HANIYA", NameKind.AKA, NameQuality.STRONG, "Latn"),
                new PartyName("HANIYYA, Ismaeel", "Ismaeel", "HANIYYA", NameKind.AKA, NameQuality.STRONG, "Latn"));
        assertThat(p.datesOfBirth()).singleElement().satisfies(d -> {
            assertThat(d.iso()).isEqualTo("1962");
            assertThat(d.precision()).isEqualTo(DatePrecision.YEAR);
        });
        assertThat(p.placesOfBirth()).containsExactly("Shati");
        assertThat(p.addresses()).isEmpty();
        assertThat(p.designations()).containsExactly(new Designation(Authorities.OFAC, Authorities.OFAC_CONS_LIST,
                "NS-PLC", null, null, "9639", "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=9639",
                "ofac-cons-csv"));
    }
}
