package io.vigil.registry.match.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.registry.match.explain.TokenMatch;
import io.vigil.registry.match.explain.TokenMatchMethod;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NameNormalizers;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameSimilarityTests {

    private final NameNormalizer normalizer = NameNormalizers.standard();
    private final NameSimilarity similarity = new NameSimilarity(new RomanizedTokenSimilarity());

    private ScorableName name(String text) {
        return ScorableName.of(normalizer.normalize(text, true), TokenWeights.uniform(), normalizer);
    }

    private double score(String query, String list) {
        return similarity.score(name(query), name(list));
    }

    @Test
    void score_identicalNames_is100() {
        assertThat(score("CHOE, Chol Min", "Chol Min Choe")).isEqualTo(100.0, within(1e-9));
    }

    @Test
    void score_romanizationVariants_highButBelow100() {
        // choi~choe 0.95, cheol~chol 0.95, min~min 1.0 with equal weights → (0.95 + 0.95 + 1) / 3
        assertThat(score("Choi Cheol-min", "CHOE, Chol Min")).isCloseTo(96.67, within(0.01));
    }

    @Test
    void score_joinedGivenName_matchesTheTwoListTokens() {
        assertThat(score("Cheolmin Choi", "CHOE, Chol Min")).isGreaterThan(90);
        assertThat(score("Cholmin Choe", "CHOE, Chol Min")).isGreaterThan(95);
    }

    @Test
    void score_sharedCommonSurnameOnly_isLow() {
        // Kim Min Jun shares only "kim" with KIM Su Gil: 1/3 of each side → 33.3
        assertThat(score("Kim Min-jun", "KIM, Su Gil")).isCloseTo(33.33, within(0.01));
    }

    @Test
    void score_unmatchedQueryTokensCostMoreThanUnmatchedListTokens() {
        double queryHasExtra = score("Ali Hassan Mahmoud", "Ali Hassan");
        double listHasExtra = score("Ali Hassan", "Ali Hassan Mahmoud");
        assertThat(listHasExtra).isGreaterThan(queryHasExtra);
        assertThat(queryHasExtra).isCloseTo(100 * (0.6 * 2 / 3 + 0.4), within(0.01));
    }

    @Test
    void score_shortTokensNeverFuzzyMatch() {
        assertThat(score("Kin", "Kim")).isZero();
    }

    @Test
    void score_digitsMustAgree() {
        // only the generic word "trading" matches, and it keeps 0.7 of its weight (name-part-roles.tsv)
        assertThat(score("Trading 2", "Trading 3")).isCloseTo(100 * 0.7 / 1.7, within(0.01));
    }

    @Test
    void score_typoInALongToken_fuzzyMatches() {
        assertThat(score("Nasrallah Hasan", "NASRALAH, Hasan")).isGreaterThan(95);
    }

    @Test
    void explain_listsEveryPairThenUnmatchedListTokens() {
        List<TokenMatch> pairs = similarity.explain(name("Choi Cheol-min"), name("CHOE, Chol Min Ho"));
        assertThat(pairs).extracting(TokenMatch::queryToken).containsExactly("choi", "cheol", "min", null);
        assertThat(pairs).extracting(TokenMatch::listToken).containsExactly("choe", "chol", "min", "ho");
        assertThat(pairs).extracting(TokenMatch::method).containsExactly(TokenMatchMethod.ROMANIZATION,
                TokenMatchMethod.ROMANIZATION, TokenMatchMethod.EXACT, TokenMatchMethod.UNMATCHED_LIST);
    }

    @Test
    void explain_joinedPair_isShownAsOnePair() {
        List<TokenMatch> pairs = similarity.explain(name("Cheolmin Choi"), name("CHOE, Chol Min"));
        assertThat(pairs).anySatisfy(p -> {
            assertThat(p.queryToken()).isEqualTo("cheolmin");
            assertThat(p.listToken()).isEqualTo("chol min");
            assertThat(p.method()).isEqualTo(TokenMatchMethod.JOINED);
        });
    }

    @Test
    void score_longNames_useTheGreedyPairingAndStayBounded() {
        String longName = "a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12";
        assertThat(score(longName, longName)).isEqualTo(100.0, within(1e-9));
    }
}
