package io.vigil.registry.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    @Test
    void theQuickKeyOfOneAsciiWordIsTheKeyTheFullNormalizationGives() {
        java.util.List<String> samples = new java.util.ArrayList<>(java.util.List.of("DE", "de", "De", "DEU", "ST",
                "st", "STP", "THE", "the", "AND", "and", "ANDORRA", "Germany", "X1", "42", "A", "Bosnia and Herzegovina",
                "Côte d'Ivoire", "St Lucia", "  DE  ", "D E", "D-E", "Ärmelkanal", "ǅ", "ﬁ", "Ⅻ", "", " "));
        for (String iso2 : java.util.Locale.getISOCountries()) {
            java.util.Locale l = new java.util.Locale("", iso2);
            samples.add(iso2);
            samples.add(iso2.toLowerCase(java.util.Locale.ROOT));
            samples.add(l.getISO3Country());
            samples.add(l.getDisplayCountry(java.util.Locale.ENGLISH));
        }
        var random = new java.util.SplittableRandom(7);
        String alphabet = "aAzZ09 -&,.éÉßıİ\u0301";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(1, 6); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(sb.toString());
        }
        for (String s : samples) {
            assertThat(Countries.key(s)).as("key of '%s'", s).isEqualTo(Countries.slowKey(s));
        }
        assertThat(Countries.plainKey("DE")).isEqualTo("de");
        assertThat(Countries.plainKey("ST")).as("rewritten to 'saint' by the full normalization").isNull();
        assertThat(Countries.plainKey("Côte")).isNull();
    }
}
