package io.vigil.registry.source.ofacxml;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.PartialDate;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OfacDatesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "03 Apr 1978|1978-04-03|1978-04-03|DAY|1978-04-03",
        "03 APR 1978|1978-04-03|1978-04-03|DAY|1978-04-03",
        "3 April 1978|1978-04-03|1978-04-03|DAY|1978-04-03",
        "Apr 1978|1978-04-01|1978-04-30|MONTH|1978-04",
        "Feb 1960|1960-02-01|1960-02-29|MONTH|1960-02",
        "1978|1978-01-01|1978-12-31|YEAR|1978",
        "circa 1978|1978-01-01|1978-12-31|YEAR|1978",
        "Circa 03 Apr 1978|1978-04-03|1978-04-03|DAY|1978-04-03",
        "1960 to 1962|1960-01-01|1962-12-31|RANGE|1960/1962",
        "01 Jan 1953 to 31 Dec 1954|1953-01-01|1954-12-31|RANGE|1953/1954",
        "Apr 1978 to Jun 1978|1978-04-01|1978-06-30|RANGE|1978-04-01/1978-06-30",
    })
    void parse_officialForms_giveBoundsAndPrecision(String text, LocalDate earliest, LocalDate latest,
            DatePrecision precision, String iso) {
        // given an OFAC date string; when parsed
        PartialDate d = OfacDates.parse(text).orElseThrow();
        // then the bounds, precision and ISO form are as stated, and the source wording is kept
        assertThat(d.earliest()).isEqualTo(earliest);
        assertThat(d.latest()).isEqualTo(latest);
        assertThat(d.precision()).isEqualTo(precision);
        assertThat(d.iso()).isEqualTo(iso);
        assertThat(d.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "sometime in the 1970s", "31 Feb 1978", "03 Foo 1978", "1962 to 1960", "12 1978",
        "03/04/1978"})
    void parse_unreadableOrImpossible_isEmpty(String text) {
        // given text that is no OFAC date (or an impossible day); when parsed; then nothing, so callers keep a remark
        assertThat(OfacDates.parse(text)).isEmpty();
    }

    @Test
    void parseUsDay_publishDate_isMonthFirst() {
        // given the classic XML's Publish_Date; when parsed; then MM/DD/YYYY
        assertThat(OfacDates.parseUsDay("04/06/2018")).contains(LocalDate.of(2018, 4, 6));
        assertThat(OfacDates.parseUsDay("13/06/2018")).isEmpty();
        assertThat(OfacDates.parseUsDay("2018-04-06")).isEmpty();
    }
}
