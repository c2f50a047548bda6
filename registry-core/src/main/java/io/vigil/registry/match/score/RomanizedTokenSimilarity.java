package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.TokenMatchMethod;
import io.vigil.registry.match.normalize.NameToken;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Token similarity that knows romanization. Rules, first that applies wins:
 * <ol>
 *   <li>same text → 1.0 ({@code EXACT});</li>
 *   <li>tokens with digits must carry the same digits, else 0;</li>
 *   <li>a shared romanization key → {@value #ROMANIZATION} ({@code choi}/{@code choe},
 *       {@code mohammed}/{@code muhammad});</li>
 *   <li>equal after the transliteration rewrite rules → {@value #TRANSLITERATION} ({@code yevgeniy}/{@code evgeny});</li>
 *   <li>one side from Arabic script and equal consonant skeletons of two or more consonants →
 *       {@value #CONSONANTS};</li>
 *   <li>short tokens (under {@value #MIN_FUZZY_LENGTH} letters), and tokens whose lengths differ by more than
 *       {@value #MAX_LENGTH_DIFFERENCE}, never fuzzy-match → 0;</li>
 *   <li>Jaro–Winkler of the texts (or of their rewritten skeletons) at or above {@value #FUZZY_FLOOR} → that
 *       value;</li>
 *   <li>else one edit apart (tokens of {@value #ONE_EDIT_MIN_LENGTH}+ letters) → {@value #ONE_EDIT}, two edits
 *       apart ({@value #TWO_EDITS_MIN_LENGTH}+ letters) → {@value #TWO_EDITS}; else 0.</li>
 * </ol>
 * Example: {@code ("kim", "kin")} → 0 (short); {@code ("mohammed", "mohamad")} → 0.95 (romanization);
 * {@code ("hassan", "hasan")} → 0.97 (Jaro–Winkler); {@code ("trading2", "trading3")} → 0 (digits differ).
 */
public final class RomanizedTokenSimilarity implements TokenSimilarity {

    public static final double ROMANIZATION = 0.95;
    public static final double TRANSLITERATION = 0.93;
    public static final double CONSONANTS = 0.90;
    /** One edit (insertion, deletion, substitution) in tokens of {@value #ONE_EDIT_MIN_LENGTH}+ letters. */
    public static final double ONE_EDIT = 0.92;
    public static final int ONE_EDIT_MIN_LENGTH = 5;
    /** Two edits in tokens of {@value #TWO_EDITS_MIN_LENGTH}+ letters. */
    public static final double TWO_EDITS = 0.90;
    public static final int TWO_EDITS_MIN_LENGTH = 9;
    public static final double FUZZY_FLOOR = 0.90;
    public static final int MIN_FUZZY_LENGTH = 4;
    /** Tokens whose lengths differ by more than this never fuzzy-match (Jaro–Winkler favours shared prefixes). */
    public static final int MAX_LENGTH_DIFFERENCE = 2;

    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
    private final LevenshteinDistance levenshtein = new LevenshteinDistance(2);

    @Override
    public double similarity(NameToken query, NameToken list) {
        String q = query.text();
        String l = list.text();
        if (q.equals(l)) {
            return 1.0;
        }
        if (!query.digits().equals(list.digits())) {
            return 0;
        }
        if (query.sharesKeyWith(list)) {
            return ROMANIZATION;
        }
        if (query.skeleton().equals(list.skeleton()) && Math.min(q.length(), l.length()) >= 3) {
            return TRANSLITERATION;
        }
        if (consonantsAgree(query, list)) {
            return CONSONANTS;
        }
        if (q.length() < MIN_FUZZY_LENGTH || l.length() < MIN_FUZZY_LENGTH
                || Math.abs(q.length() - l.length()) > MAX_LENGTH_DIFFERENCE) {
            return 0;
        }
        double jw = jaroWinkler.apply(q, l);
        if (jw < FUZZY_FLOOR && (!query.skeleton().equals(q) || !list.skeleton().equals(l))) {
            jw = Math.max(jw, jaroWinkler.apply(query.skeleton(), list.skeleton()) - 0.01);
        }
        if (jw >= FUZZY_FLOOR) {
            return jw;
        }
        int shorter = Math.min(q.length(), l.length());
        if (shorter < ONE_EDIT_MIN_LENGTH) {
            return 0;
        }
        int edits = levenshtein.apply(q, l);
        if (edits == 1) {
            return ONE_EDIT;
        }
        return edits == 2 && shorter >= TWO_EDITS_MIN_LENGTH ? TWO_EDITS : 0;
    }

    /**
     * One side from Arabic script and the same consonant skeleton: of at least two consonants, or of one for
     * short tokens whose Latin spelling starts with a vowel ({@code abw}/{@code abu}, {@code ly}/{@code ali}).
     */
    private static boolean consonantsAgree(NameToken query, NameToken list) {
        if (!(query.fromAbjad() || list.fromAbjad()) || query.consonants().isEmpty()
                || !query.consonants().equals(list.consonants())) {
            return false;
        }
        if (query.consonants().length() >= 2) {
            return true;
        }
        // one consonant: only short names whose Latin spelling starts with a vowel (ʿly/ali, abw/abu)
        NameToken latin = query.fromAbjad() ? list : query;
        return query.length() <= 3 && list.length() <= 3 && (latin.fromAbjad() || "aeiou".indexOf(latin.text()
                .charAt(0)) >= 0);
    }

    @Override
    public TokenMatchMethod method(NameToken query, NameToken list) {
        if (query.text().equals(list.text())) {
            return TokenMatchMethod.EXACT;
        }
        if (!query.digits().equals(list.digits())) {
            return TokenMatchMethod.UNMATCHED_QUERY;
        }
        if (query.sharesKeyWith(list)) {
            return TokenMatchMethod.ROMANIZATION;
        }
        if (query.skeleton().equals(list.skeleton()) && Math.min(query.length(), list.length()) >= 3) {
            return TokenMatchMethod.TRANSLITERATION;
        }
        if (consonantsAgree(query, list)) {
            return TokenMatchMethod.CONSONANTS;
        }
        return similarity(query, list) > 0 ? TokenMatchMethod.FUZZY : TokenMatchMethod.UNMATCHED_QUERY;
    }
}
