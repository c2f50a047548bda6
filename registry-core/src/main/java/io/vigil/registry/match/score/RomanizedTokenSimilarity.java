package io.vigil.registry.match.score;

import io.vigil.registry.match.explain.TokenMatchMethod;
import io.vigil.registry.match.normalize.Consonants;
import io.vigil.registry.match.normalize.EditDistance;
import io.vigil.registry.match.normalize.NameToken;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Token similarity that knows romanization. Rules, first that applies wins:
 * <ol>
 *   <li>same text → 1.0 ({@code EXACT});</li>
 *   <li>tokens with digits must carry the same digits, else 0;</li>
 *   <li>a shared romanization key → {@value #ROMANIZATION} ({@code choi}/{@code choe},
 *       {@code mohammed}/{@code muhammad});</li>
 *   <li>equal after the transliteration rewrite rules → {@value #TRANSLITERATION} ({@code yevgeniy}/{@code evgeny});</li>
 *   <li>one side from Arabic script and equal consonant skeletons → {@value #CONSONANTS};</li>
 *   <li>two Latin spellings of one Arabic name: equal consonant skeletons of {@value #LATIN_CONSONANTS_MIN}+
 *       letters, the same first consonant (c, k, q alike), and one side written with a letter that only romanized
 *       Arabic uses this way ({@code q}, {@code kh}, {@code dh}) → {@value #LATIN_CONSONANTS}
 *       ({@code katarji} / {@code qatirji} / {@code khatirji});</li>
 *   <li>a spelling difference: one edit (insertion, deletion, substitution or swap of adjacent letters) between
 *       tokens of {@value #ONE_EDIT_MIN_LENGTH}+ letters, or two edits between tokens of
 *       {@value #TWO_EDITS_MIN_LENGTH}+ letters that start alike (c, k, q alike) → the Jaro–Winkler similarity
 *       (commons-text), at least {@value #ONE_EDIT} or {@value #TWO_EDITS}, only between tokens that start with the
 *       same letter (c, k, q alike: {@code hamed} / {@code ahmed} and {@code abbas} / {@code dabbas} are other
 *       names) or differ only in a first letter struck on the key beside it ({@code masser} / {@code nasser}); a final a/o is a gendered form of the name ({@code fernanda} / {@code fernando} → 0) and a final
 *       i/y after a consonant the nisba ({@code ibrahim} / {@code ibrahimi} → 0), not spelling differences;</li>
 *   <li>a token of {@value #VOWEL_INSERTION_LENGTH} letters and the same with one vowel written between two
 *       consonants ({@code yasr} / {@code yasir}) → {@value #ONE_EDIT}; with another letter left out, not the
 *       first ({@link #letterDropped}: {@code ahma} / {@code ahmad}) → {@value #LETTER_DROPPED};</li>
 *   <li>two romanized Korean syllables that share no key → 0: {@code kwang} (광) is not a misspelled
 *       {@code hwang} (황);</li>
 *   <li>else 0: shorter tokens never fuzzy-match, and nothing further apart does.</li>
 * </ol>
 * The spelling rule is defined by edit distance so that the candidate index can find every token it accepts
 * (deletion neighbourhoods for one edit, trigrams for two). Example: {@code ("kim", "kin")} → 0;
 * {@code ("mohammed", "mohamad")} → 0.95 (romanization); {@code ("hassan", "hasan")} → 0.97 (one edit);
 * {@code ("bwttalion", "battalion")} → 0.92; {@code ("trading2", "trading3")} → 0 (digits differ).
 */
public final class RomanizedTokenSimilarity implements TokenSimilarity {

    public static final double ROMANIZATION = 0.95;
    public static final double TRANSLITERATION = 0.93;
    public static final double CONSONANTS = 0.90;
    /**
     * Two Latin spellings of an Arabic name that differ in their vowels and in the letter chosen for ق (q, k, kh)
     * or ج (j, dj, g): each romanization writes the short vowels, which Arabic script does not, its own way
     * (Katarji, Qatirji, Qatrji and Khatirji are one name). Below {@link #CONSONANTS}: neither side shows the
     * script, so the agreement is inferred.
     */
    public static final double LATIN_CONSONANTS = 0.88;
    /** Latin spellings agree by consonants only with a skeleton this long (four consonants: k t r g). */
    public static final int LATIN_CONSONANTS_MIN = 4;
    public static final double ONE_EDIT = 0.92;
    /**
     * A four-letter token and the five-letter one it is with a letter left out ({@link #letterDropped}): below
     * {@link #ONE_EDIT}, since in so short a word one letter is a larger share of the name.
     */
    public static final double LETTER_DROPPED = 0.85;
    public static final int ONE_EDIT_MIN_LENGTH = 5;
    public static final double TWO_EDITS = 0.90;
    public static final int TWO_EDITS_MIN_LENGTH = 9;
    /** Tokens this long match a one-letter longer spelling only by {@link #vowelInserted}. */
    public static final int VOWEL_INSERTION_LENGTH = ONE_EDIT_MIN_LENGTH - 1;

    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();

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
        if (skeletonsAgree(query, list)) {
            return TRANSLITERATION;
        }
        if (consonantsAgree(query, list)) {
            return CONSONANTS;
        }
        if (latinConsonantsAgree(query, list)) {
            return LATIN_CONSONANTS;
        }
        if (query.koreanSyllable() && list.koreanSyllable()) {
            return 0; // two Korean syllables that share no key are two syllables (kwang 광, hwang 황), not a typo
        }
        return spelling(q, l);
    }

    private double spelling(String q, String l) {
        int shorter = Math.min(q.length(), l.length());
        if (shorter == VOWEL_INSERTION_LENGTH) {
            if (vowelInserted(q, l) || vowelInserted(l, q)) {
                return ONE_EDIT;
            }
            return letterDropped(q, l) || letterDropped(l, q) ? LETTER_DROPPED : 0;
        }
        if (shorter < ONE_EDIT_MIN_LENGTH) {
            return 0;
        }
        // spelling differences only between words that start alike (c and k alike: Constantine / Konstantin):
        // SHEVCHENKO is not KHAVCHENKO, whose common ending is most of both, nor HAMED AHMED or ABBAS DABBAS; a
        // first letter struck on the key beside it is still a typo (Nasser / Masser)
        if (!startAlike(q, l)) {
            return firstKeyTypo(q, l) ? Math.max(ONE_EDIT, jaroWinkler.apply(q, l)) : 0;
        }
        int limit = shorter >= TWO_EDITS_MIN_LENGTH ? 2 : 1;
        int edits = EditDistance.atMost(q, l, limit);
        if (edits < 0 || edits == 1 && (genderedEnding(q, l) || nisba(q, l) || nisba(l, q))) {
            return 0;
        }
        double floor = edits <= 1 ? ONE_EDIT : TWO_EDITS;
        return Math.max(floor, jaroWinkler.apply(q, l));
    }

    /**
     * True when {@code longer} is {@code shorter} with one vowel written between two of its consonants: the
     * vowel-less spelling of a romanized Arabic or Persian name ({@code yasr} / {@code yasir}, {@code ahmd} /
     * {@code ahmad}, {@code bakr} / {@code bakir}). A vowel added beside another vowel ({@code hong} / {@code hoang})
     * or at either end ({@code omar} / {@code omara}) changes the name, not its spelling.
     */
    static boolean vowelInserted(String shorter, String longer) {
        if (longer.length() != shorter.length() + 1) {
            return false;
        }
        int k = 0;
        while (k < shorter.length() && shorter.charAt(k) == longer.charAt(k)) {
            k++;
        }
        // longer.charAt(k) is the inserted letter; the rest must follow unchanged
        if (k == 0 || k == shorter.length() || !shorter.regionMatches(k, longer, k + 1, shorter.length() - k)) {
            return false;
        }
        return isVowel(longer.charAt(k)) && !isVowel(shorter.charAt(k - 1)) && !isVowel(shorter.charAt(k));
    }

    /**
     * True when {@code shorter}, of {@value #VOWEL_INSERTION_LENGTH} letters, is {@code longer} with one letter left
     * out, not the first: a five-letter name typed short ({@code ahma} / {@code ahmad}, {@code kari} /
     * {@code karim}, {@code hote} / {@code hotel}). Not when the letter left out makes another name rather than a
     * typo: a final vowel (a gendered or nisba form: {@code amir} / {@code amira}, {@code bakr} / {@code bakri}), a
     * vowel beside another vowel (another syllable: {@code hong} / {@code hoang}, {@code said} / {@code saeid}), the
     * {@code g} of a final {@code ng} ({@code jian} / {@code jiang}, {@code chen} / {@code cheng}: two pinyin
     * syllables) or an {@code h} after a consonant ({@code than} / {@code thanh}, {@code kan} / {@code khan}: a
     * digraph of another sound).
     */
    static boolean letterDropped(String shorter, String longer) {
        if (shorter.length() != VOWEL_INSERTION_LENGTH || longer.length() != VOWEL_INSERTION_LENGTH + 1) {
            return false;
        }
        int k = 0;
        while (k < shorter.length() && shorter.charAt(k) == longer.charAt(k)) {
            k++;
        }
        if (k == 0 || !shorter.regionMatches(k, longer, k + 1, shorter.length() - k)) {
            return false;
        }
        char c = longer.charAt(k);
        boolean last = k == longer.length() - 1;
        char before = longer.charAt(k - 1);
        if (isVowel(c) && (last || isVowel(before) || !last && isVowel(longer.charAt(k + 1)))) {
            return false;
        }
        if (c == 'g' && last && before == 'n') {
            return false;
        }
        return !(c == 'h' && !isVowel(before));
    }

    /** Letters beside each other on a QWERTY keyboard, row by row and diagonally. */
    private static final String[] KEY_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    /**
     * The same word but for its first letter, which is a key beside the other's: a typo of the first letter
     * ({@code masser} / {@code nasser}), not another name.
     */
    static boolean firstKeyTypo(String q, String l) {
        return q.length() == l.length() && q.regionMatches(1, l, 1, q.length() - 1) && keysAdjacent(q.charAt(0),
                l.charAt(0));
    }

    static boolean keysAdjacent(char a, char b) {
        int ra = -1;
        int ca = -1;
        int rb = -1;
        int cb = -1;
        for (int r = 0; r < KEY_ROWS.length; r++) {
            if (KEY_ROWS[r].indexOf(a) >= 0) {
                ra = r;
                ca = KEY_ROWS[r].indexOf(a);
            }
            if (KEY_ROWS[r].indexOf(b) >= 0) {
                rb = r;
                cb = KEY_ROWS[r].indexOf(b);
            }
        }
        if (ra < 0 || rb < 0 || a == b) {
            return false;
        }
        // the rows are staggered: a key touches the one or two keys of the next row at its column and the one before
        return ra == rb ? Math.abs(ca - cb) == 1
                : Math.abs(ra - rb) == 1 && (ra < rb ? cb == ca || cb == ca - 1 : ca == cb || ca == cb - 1);
    }

    private static boolean startAlike(String q, String l) {
        char a = q.charAt(0);
        char b = l.charAt(0);
        return a == b || (a == 'c' || a == 'k' || a == 'q') && (b == 'c' || b == 'k' || b == 'q');
    }

    /**
     * The same word but for a final {@code a} / {@code o}: the feminine and masculine of one name (Fernanda /
     * Fernando, Antonia / Antonio, Roberta / Roberto), two people, not a misspelling.
     */
    static boolean genderedEnding(String q, String l) {
        int n = q.length();
        if (n != l.length() || !q.regionMatches(0, l, 0, n - 1)) {
            return false;
        }
        char a = q.charAt(n - 1);
        char b = l.charAt(n - 1);
        return (a == 'a' && b == 'o') || (a == 'o' && b == 'a');
    }

    /**
     * {@code longer} is {@code shorter} with a final {@code i} or {@code y} after a consonant: the nisba, a family
     * name made from another name (Karim / Karimi, Ibrahim / Ibrahimi, Hassan / Hassani), not a misspelling.
     */
    static boolean nisba(String shorter, String longer) {
        int n = shorter.length();
        if (longer.length() != n + 1 || !longer.startsWith(shorter) || isVowel(shorter.charAt(n - 1))) {
            return false;
        }
        char last = longer.charAt(n);
        return last == 'i' || last == 'y';
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static boolean skeletonsAgree(NameToken query, NameToken list) {
        return query.skeleton().equals(list.skeleton()) && Math.min(query.length(), list.length()) >= 3;
    }

    /**
     * One side from Arabic script and the same consonant skeleton: of at least two consonants, or of one for
     * short tokens whose Latin spelling starts with a vowel ({@code abw}/{@code abu}, {@code ly}/{@code ali}). A
     * Latin spelling that starts with a consonant must start with the same one ({@code weijun} is not
     * {@code janan}).
     */
    private static boolean consonantsAgree(NameToken query, NameToken list) {
        if (!(query.fromAbjad() || list.fromAbjad()) || query.consonants().isEmpty()
                || !Consonants.agree(query.consonants(), list.consonants())) {
            return false;
        }
        NameToken latin = query.fromAbjad() ? list : query;
        NameToken abjad = latin == query ? list : query;
        boolean vowelInitial = "aeiou".indexOf(latin.text().charAt(0)) >= 0;
        if (!latin.fromAbjad() && !vowelInitial && latin.text().charAt(0) != abjad.text().charAt(0)
                && !sameSemivowelStart(abjad.text(), latin.text()) && !sameAmbiguousStart(abjad, latin)) {
            return false;
        }
        if (query.consonants().length() >= 2 || sameSemivowelStart(abjad.text(), latin.text())) {
            return true;
        }
        return query.length() <= 3 && list.length() <= 3 && (latin.fromAbjad() || vowelInitial);
    }

    /**
     * The token from Arabic script starts with ذ or ث ({@link Consonants#DHAL}, {@link Consonants#THA}) and the Latin
     * one with a letter it is read as ({@code Zakir} / ذاكر, {@code Sabit} / ثابت).
     */
    private static boolean sameAmbiguousStart(NameToken abjad, NameToken latin) {
        char first = abjad.consonants().charAt(0);
        return (first == Consonants.DHAL || first == Consonants.THA) && abjad.text().charAt(0) == (first == Consonants.DHAL ? 'd' : 't')
                && Consonants.letterAgrees(first, latin.text().charAt(0));
    }

    /**
     * Two Latin spellings with the same consonant skeleton of {@value #LATIN_CONSONANTS_MIN}+ letters and the same
     * first consonant, one of them marked as romanized Arabic by {@link #arabicLetters}. English and Spanish names
     * that differ only in vowels ({@code peterson} / {@code patterson}, {@code jensen} / {@code jansen}) are other
     * names and carry no such letter.
     */
    public static boolean latinConsonantsAgree(NameToken query, NameToken list) {
        String c = query.consonants();
        if (query.fromAbjad() || list.fromAbjad() || c.length() < LATIN_CONSONANTS_MIN || !c.equals(list.consonants())
                || !startAlike(query.text(), list.text())) {
            return false;
        }
        return arabicLetters(query.text()) || arabicLetters(list.text());
    }

    /**
     * A letter that romanizations of Arabic use for a sound English spelling has no letter for: {@code q} (ق),
     * {@code kh} (خ), {@code dh} (ذ, ض).
     */
    public static boolean arabicLetters(String text) {
        return text.indexOf('q') >= 0 || text.contains("kh") || text.contains("dh");
    }

    /**
     * Both start with the same semivowel, which the skeleton drops: Arabic و (w) written w or, in Persian, v
     * ({@code wly} / {@code vali}, {@code wfa} / {@code wafa}); Arabic ي (y) written y ({@code yhya} / {@code yahya}).
     */
    private static boolean sameSemivowelStart(String abjad, String latin) {
        char a = abjad.charAt(0);
        char l = latin.charAt(0);
        return (a == 'w' && (l == 'w' || l == 'v')) || (a == 'y' && l == 'y');
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
        if (skeletonsAgree(query, list)) {
            return TokenMatchMethod.TRANSLITERATION;
        }
        if (consonantsAgree(query, list)) {
            return TokenMatchMethod.CONSONANTS;
        }
        if (latinConsonantsAgree(query, list)) {
            return TokenMatchMethod.CONSONANTS;
        }
        if (query.koreanSyllable() && list.koreanSyllable()) {
            return TokenMatchMethod.UNMATCHED_QUERY;
        }
        return spelling(query.text(), list.text()) > 0 ? TokenMatchMethod.FUZZY : TokenMatchMethod.UNMATCHED_QUERY;
    }
}
