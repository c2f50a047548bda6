package io.vigil.registry.match.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that lets most names skip the separator expressions, and the variants either way. */
class NameVariantsTests {

    @Test
    void mayHoldParties_isFalseOnlyForPlainAsciiWithoutSeparatorCharactersOrWords() {
        assertThat(NameVariants.mayHoldParties("Choi Cheol-min")).isFalse();
        assertThat(NameVariants.mayHoldParties("Golden Star Ltd, Pyongyang")).isFalse();
        // each separator's characters or words, in any case
        for (String name : List.of("A t/a B", "A; B", "A | B", "PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY SBERBANK)",
                "A d.b.a. B", "A DBA B", "A Doing Business As B", "A CARE OF B", "A aka B", "A Also Known As B",
                "A formerly known as B", "A TRADING AS B")) {
            assertThat(NameVariants.mayHoldParties(name)).as(name).isTrue();
        }
        // any character outside ASCII: the Kelvin sign matches k case-insensitively (a\u212Aa is "aka")
        assertThat(NameVariants.mayHoldParties("A a\u212Aa B")).isTrue();
        assertThat(NameVariants.mayHoldParties("Müller")).isTrue();
    }

    @Test
    void wordCount_countsRunsBetweenRegexSpaces() {
        assertThat(NameVariants.wordCount("a  b\tc\u000Bd")).isEqualTo(4);
        assertThat(NameVariants.wordCount("one")).isEqualTo(1);
        assertThat(NameVariants.wordCount("")).isZero();
        // a space that is not one of \s (em space) does not separate words
        assertThat(NameVariants.wordCount("a\u2003b")).isEqualTo(1);
    }

    @Test
    void of_plainName_isTheNameAlone_andSeparatedNamesStillGiveTheirParties() {
        assertThat(NameVariants.of("Choi Cheol-min")).containsExactly(
                new NameVariants.Variant("Choi Cheol-min", NameVariants.Kind.WHOLE));
        assertThat(NameVariants.of("Acme Ltd a\u212Aa Korea Sokchon")).extracting(NameVariants.Variant::text)
                .containsExactly("Acme Ltd a\u212Aa Korea Sokchon", "Acme Ltd", "Korea Sokchon");
        assertThat(NameVariants.of("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen"))
                .extracting(NameVariants.Variant::kind).contains(NameVariants.Kind.LEADING);
        assertThat(NameVariants.of("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve"))
                .extracting(NameVariants.Variant::kind).containsExactly(NameVariants.Kind.WHOLE);
    }
}
