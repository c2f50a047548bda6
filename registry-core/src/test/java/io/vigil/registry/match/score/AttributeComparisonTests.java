package io.vigil.registry.match.score;

import static io.vigil.registry.testing.RegistryFixtures.choeCholMin;
import static io.vigil.registry.testing.RegistryFixtures.organization;
import static io.vigil.registry.testing.RegistryFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.match.MatchQuery;
import io.vigil.registry.match.explain.AttributeEffect;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import org.junit.jupiter.api.Test;

class AttributeComparisonTests {

    private final BirthDateComparison dates = new BirthDateComparison();
    private final CountryComparison countries = new CountryComparison();
    private final PartyTypeComparison types = new PartyTypeComparison();
    private final Party kimSuGil = person("ofac:39498", "KIM, Su Gil", "KP", PartialDate.ofYear(1950, "1950"));

    @Test
    void birthDate_sameDay_bestOfTheListedDates() {
        AttributeEffect e = dates.compare(MatchQuery.parseDate("1978-04-03"), choeCholMin());
        assertThat(e.effect()).isEqualTo(BirthDateComparison.SAME_DAY);
        assertThat(e.listValue()).isEqualTo("1978-04-03, 1978-04, 1977/1979");
        assertThat(e.reason()).isEqualTo("same date of birth");
    }

    @Test
    void birthDate_yearOnly_sameYear() {
        assertThat(dates.compare(MatchQuery.parseDate("1950"), kimSuGil).effect())
                .isEqualTo(BirthDateComparison.SAME_YEAR);
    }

    @Test
    void birthDate_fortyYearsApart_farPenalty() {
        AttributeEffect e = dates.compare(MatchQuery.parseDate("1990"), kimSuGil);
        assertThat(e.effect()).isEqualTo(BirthDateComparison.FAR);
        assertThat(e.reason()).isEqualTo("born 40 years apart");
    }

    @Test
    void birthDate_graded_byTheGap() {
        assertThat(dates.compare(MatchQuery.parseDate("1951"), kimSuGil).effect())
                .isEqualTo(BirthDateComparison.ONE_YEAR);
        assertThat(dates.compare(MatchQuery.parseDate("1953"), kimSuGil).effect())
                .isEqualTo(BirthDateComparison.FEW_YEARS);
        assertThat(dates.compare(MatchQuery.parseDate("1955"), kimSuGil).effect())
                .isEqualTo(BirthDateComparison.SEVERAL_YEARS);
        assertThat(dates.compare(MatchQuery.parseDate("1978-05-03"), choeCholMin()).effect())
                .as("within the listed range 1977-1979, so not a mismatch").isEqualTo(BirthDateComparison.SAME_YEAR);
    }

    @Test
    void birthDate_notComparable_noEffectOrExplained() {
        assertThat(dates.compare(null, kimSuGil)).isNull();
        assertThat(dates.compare(MatchQuery.parseDate("1990"), organization("ofac:1", "X LTD", "CN"))).isNull();
        AttributeEffect none = dates.compare(MatchQuery.parseDate("1990"),
                person("ofac:2", "A B", null, null));
        assertThat(none.effect()).isZero();
        assertThat(none.reason()).isEqualTo("no date of birth listed");
    }

    @Test
    void country_addressCountryCounts() {
        // CHOE Chol Min: nationality KP, address in Beijing
        assertThat(countries.compare("CN", choeCholMin()).effect()).isEqualTo(CountryComparison.SAME);
        AttributeEffect other = countries.compare("KR", choeCholMin());
        assertThat(other.effect()).isEqualTo(CountryComparison.OTHER);
        assertThat(other.listValue()).isEqualTo("CN, KP");
    }

    @Test
    void type_personIsNotAnOrganization() {
        AttributeEffect e = types.compare(PartyType.INDIVIDUAL, PartyType.ORGANIZATION);
        assertThat(e.effect()).isEqualTo(PartyTypeComparison.PERSON_VS_OTHER);
        assertThat(e.reason()).isEqualTo("a person is not an organization");
        assertThat(types.compare(PartyType.ORGANIZATION, PartyType.VESSEL).effect())
                .isEqualTo(PartyTypeComparison.OTHER_KIND);
        assertThat(types.compare(PartyType.INDIVIDUAL, PartyType.INDIVIDUAL).effect()).isZero();
        assertThat(types.compare(null, PartyType.INDIVIDUAL)).isNull();
    }

    @Test
    void partyType_legalFormInTheQuery_isAnOrganization_notAVesselOrPerson() {
        // given "Horizon SA" (legal form SA, no type stated) against the vessel HORIZON
        AttributeEffect vessel = types.compareInferred(java.util.List.of("sa"), PartyType.VESSEL);

        // then a milder penalty than a stated type, with the reason
        assertThat(vessel.effect()).isEqualTo(PartyTypeComparison.LEGAL_FORM_VS_OTHER);
        assertThat(vessel.reason()).isEqualTo("legal form sa: an organization, not a vessel");
        assertThat(types.compareInferred(java.util.List.of("ltd"), PartyType.INDIVIDUAL).effect())
                .isEqualTo(PartyTypeComparison.LEGAL_FORM_VS_OTHER);
        assertThat(types.compareInferred(java.util.List.of("ltd"), PartyType.ORGANIZATION)).isNull();
        assertThat(types.compareInferred(java.util.List.of(), PartyType.VESSEL)).isNull();
    }
}
