package io.vigil.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTests {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "OFAC inverted           | Korea, North                       | KP",
        "UN long form            | Democratic People's Republic of Korea | KP",
        "UN parenthesised        | Iran (Islamic Republic of)         | IR",
        "inverted British        | Virgin Islands, British            | VG",
        "inverted Isle of Man    | Man, Isle of                       | IM",
        "Saint spelled out       | Saint Kitts and Nevis              | KN",
        "St. abbreviated         | St. Vincent and the Grenadines     | VC",
        "ampersand vs and        | Trinidad and Tobago                | TT",
        "and in name             | Antigua and Barbuda                | AG",
        "diacritics              | São Tomé and Príncipe              | ST",
        "OFAC Macedonia          | North Macedonia, The Republic of   | MK",
        "ISO alpha-2             | ru                                 | RU",
        "ISO alpha-3             | PRK                                | KP",
        "English name            | China                              | CN",
        "UK demonym              | North Korean                       | KP",
        "UK demonym Russian      | Russian                            | RU",
        "user-assigned Kosovo    | XK                                 | XK",
        "Kosovo by name          | Kosovo                             | XK",
    })
    void toIso2_listSpellings(String caseName, String spelling, String expected) {
        assertThat(Countries.toIso2(spelling)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"not a country | Atlantis", "region | Middle East",
        "ambiguous demonym | Korean", "ambiguous Congo | Congolese"})
    void toIso2_unknown_isEmpty(String caseName, String spelling) {
        assertThat(Countries.toIso2(spelling)).isEmpty();
    }
}
