package io.vigil.registry.match.normalize;

/**
 * Spelling correspondences read only in tokens of at least {@value #MIN_LENGTH} letters, folded into the
 * transliteration skeleton after the rewrite rules ({@code token-rewrites.tsv}) so that both spellings compare
 * equal. Shorter tokens keep their skeleton: the romanized Chinese and Korean syllables (He, Hong, Hwang, Chen,
 * Chong) are never read as Ge, Gong, Gwang, Shen, Shong.
 *
 * <p>Ukrainian and Belarusian spellings of names the lists write in their Russian form. Two letters differ
 * regularly between the national transliterations of the same name:
 * <ul>
 *   <li>Ukrainian and Belarusian {@code г} is romanized {@code h}, Russian {@code г} is {@code g}: Hromovykov /
 *       Gromovikov, Herasym / Gerasim, Bohomaz / Bogomaz (Ukrainian national transliteration, Cabinet of Ministers
 *       resolution 55 of 2010; Belarusian instruction on transliteration, 2007; BGN/PCGN Russian 1947);</li>
 *   <li>Ukrainian {@code и} is romanized {@code y}, Russian {@code и} is {@code i}: Mykytenko / Mikitenko,
 *       Hromovykov / Gromovikov (same sources).</li>
 * </ul>
 * A single {@code h} (not the second letter of kh, zh, ch, sh, th, dh, gh, ph) before a vowel, {@code r} or
 * {@code l} is read as {@code g}, and a {@code y} between two consonants as {@code i}.
 *
 * <p>French spellings of Arabic names (Maghreb, West Africa): {@code ch} is written for ش, which English
 * spellings write {@code sh} (Chakhane / Shakhan, Achour / Ashur, Chaabane / Shaban; ICAO Doc 9303 and the French
 * transliteration usage of Algeria, Morocco and Tunisia): {@code ch} is read as {@code sh}. Stateless.
 */
final class LongTokenSpellings {

    /** Tokens shorter than this keep their skeleton. */
    static final int MIN_LENGTH = 6;

    private LongTokenSpellings() {
    }

    static String fold(String skeleton) {
        int n = skeleton.length();
        if (n < MIN_LENGTH) {
            return skeleton;
        }
        char[] c = null;
        for (int i = 0; i < n; i++) {
            char ch = skeleton.charAt(i);
            char prev = i > 0 ? skeleton.charAt(i - 1) : ' ';
            char next = i + 1 < n ? skeleton.charAt(i + 1) : ' ';
            char to = ch;
            if (ch == 'c' && next == 'h') {
                to = 's';
            } else if (ch == 'h' && "kzcstdgph".indexOf(prev) < 0 && "aeiouyrl".indexOf(next) >= 0) {
                to = 'g';
            } else if (ch == 'y' && consonant(prev) && consonant(next)) {
                to = 'i';
            }
            if (to != ch) {
                if (c == null) {
                    c = skeleton.toCharArray();
                }
                c[i] = to;
            }
        }
        return c == null ? skeleton : new String(c);
    }

    private static boolean consonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
    }
}
