package io.vigil.registry.match.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerPartsTests {

    @Test
    void consonants_latinAndArabicTransliterationAgree() {
        assertThat(Consonants.of("mohammed")).isEqualTo("mhmd");
        assertThat(Consonants.of("mhmd")).isEqualTo("mhmd");
        assertThat(Consonants.of("baghdadi")).isEqualTo(Consonants.of("bghdady"));
        assertThat(Consonants.of("haniyeh")).isEqualTo(Consonants.of("hnyh")).isEqualTo("hn");
        assertThat(Consonants.of("javad")).isEqualTo(Consonants.of("jwad"));
        assertThat(Consonants.of("shamkhani")).isEqualTo("smkn");
    }

    @Test
    void oneTypo_editsAndAdjacentSwaps() {
        assertThat(TokenPhrases.oneTypo("company", "compqny")).isTrue();
        assertThat(TokenPhrases.oneTypo("company", "comppany")).isTrue();
        assertThat(TokenPhrases.oneTypo("limited", "limted")).isTrue();
        assertThat(TokenPhrases.oneTypo("corporation", "corportaion")).isTrue();
        assertThat(TokenPhrases.oneTypo("limited", "limitde")).isTrue();
        assertThat(TokenPhrases.oneTypo("company", "cmopnay")).isFalse();
        assertThat(TokenPhrases.oneTypo("limited", "limousine")).isFalse();
    }

    @Test
    void legalForms_misspeltLegalFormStillRecognised() {
        NormalizedName n = NameNormalizers.standard().normalize("Zuppa Holdings Limitde", false);
        assertThat(n.text()).isEqualTo("zuppa holdings");
        assertThat(n.legalForms()).containsExactly("LTD");
        // short legal-form words need the exact spelling
        assertThat(NameNormalizers.standard().normalize("Zuppa Holdings Lte", false).legalForms()).isEmpty();
    }

    @Test
    void latinFolding_apostrophesJoinSeparatorsSplit() {
        assertThat(LatinFolding.fold("CH'OE Ch’ŏl-min")).isEqualTo("choe chol min");
        assertThat(LatinFolding.fold("Straße Łódź Øre")).isEqualTo("strasse lodz ore");
        assertThat(LatinFolding.fold("  ,; ")).isEmpty();
    }
}
