package io.vigil.registry.source.un;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.PartialDate;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UnDatesTests {

    @Test
    void parse_unWordings_giveTheStatedPrecision() {
        // given the date wordings found in the UN list's DATE, YEAR and NOTE fields
        // when / then
        assertThat(UnDates.parse("1954-10-12", "t")).isEqualTo(PartialDate.ofDay(1954, 10, 12, "t"));
        assertThat(UnDates.parse("1960", "t")).isEqualTo(PartialDate.ofYear(1960, "t"));
        assertThat(UnDates.parse("Nov. 1973", "t")).isEqualTo(PartialDate.ofMonth(1973, 11, "t"));
        assertThat(UnDates.parse("August 1961", "t")).isEqualTo(PartialDate.ofMonth(1961, 8, "t"));
        assertThat(UnDates.parse("Sep 1958", "t")).isEqualTo(PartialDate.ofMonth(1958, 9, "t"));
        assertThat(UnDates.parse("3 May 2024", "t")).isEqualTo(PartialDate.ofDay(2024, 5, 3, "t"));
    }

    @Test
    void parse_nonDates_giveNull() {
        // given wordings that are not calendar dates
        // when / then
        assertThat(UnDates.parse("30-35 years old", "t")).isNull();
        assertThat(UnDates.parse("24/06/1402 (Hijri Calendar)", "t")).isNull();
        assertThat(UnDates.parse("1979-02-30", "t")).isNull();
        assertThat(UnDates.parse("Smarch 1970", "t")).isNull();
        assertThat(UnDates.month("Ma")).isZero();
    }

    @Test
    void isoDatePrefix_zoneSuffix_isDropped() {
        // given xs:date values with and without a zone
        // when / then
        assertThat(UnDates.isoDatePrefix("2015-04-07-04:00")).isEqualTo(LocalDate.of(2015, 4, 7));
        assertThat(UnDates.isoDatePrefix("2013-01-22")).isEqualTo(LocalDate.of(2013, 1, 22));
        assertThat(UnDates.isoDatePrefix("22/01/2013")).isNull();
    }
}
