package io.vigil.registry.match.normalize;

/**
 * The consonant skeleton of a lower-case ASCII token, for comparing a name transliterated from Arabic script
 * (which writes no short vowels) with its Latin spellings: digraphs reduced ({@code kh sh th dh gh ph} → one
 * letter; {@code zh} is not one: ICU writes زه as zh, Zuhayr / زهير), {@code q}, {@code gh} (غ, and ق as Persian
 * romanizations write it) and a hard {@code c} → {@code k}, French
 * {@code ch} → {@code s}, {@code j} → {@code g} (Egyptian and Maghrebi spellings of ج), vowels and the semivowels
 * {@code w y v} dropped (Persian و is written v),
 * doubled letters collapsed, a final {@code h} dropped (Haniyeh/Haniya, ة), a final run of vowels with an {@code i}
 * or {@code y} kept as {@code y} after two or more consonants (the nisba: Karimi, Hirey, كريمي).
 * Example: {@code "mohammed"} → {@code "mhmd"}, {@code "mhmd"} (from محمد) → {@code "mhmd"}, {@code "ali"} →
 * {@code "l"}.
 */
public final class Consonants {

    /** Skeletons of at least this many consonants keep a final long i (the nisba). */
    static final int NISBA_MIN_CONSONANTS = 2;

    /** The token ends in vowels of which one is i or y ({@code karimi}, {@code hirey}, {@code hady}, {@code qusay}). */
    private static boolean endsInLongI(String token) {
        for (int i = token.length() - 1; i >= 0 && "aeiouy".indexOf(token.charAt(i)) >= 0; i--) {
            if (token.charAt(i) == 'i' || token.charAt(i) == 'y') {
                return true;
            }
        }
        return false;
    }

    private Consonants() {
    }

    /**
     * Whether two skeletons agree: equal, a {@link #DHAL} against d or z, a {@link #THA} against t or s.
     */
    public static boolean agree(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (!letterAgrees(a.charAt(i), b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether two letters of skeletons agree ({@link #agree}). */
    public static boolean letterAgrees(char x, char y) {
        if (x == y) {
            return true;
        }
        return x == DHAL ? y == 'd' || y == 'z' : x == THA ? y == 't' || y == 's'
                : y == DHAL ? x == 'd' || x == 'z' : y == THA && (x == 't' || x == 's');
    }

    /** The most letters of a skeleton {@link #of} marks as read two ways (the rest stay d and t). */
    public static final int MAX_AMBIGUOUS = 4;

    /**
     * Every plain skeleton a skeleton agrees with ({@link #agree}): itself when it has no {@link #DHAL} or
     * {@link #THA}; otherwise the skeleton itself (for another token from Arabic script, whose skeleton agrees letter
     * by letter), then each reading of them (d or z, t or s): at most 2^{@value #MAX_AMBIGUOUS}, as {@link #of} marks
     * no more letters than that.
     */
    public static java.util.List<String> readings(String skeleton) {
        int ambiguous = 0;
        for (int i = 0; i < skeleton.length(); i++) {
            char c = skeleton.charAt(i);
            if (c == DHAL || c == THA) {
                ambiguous++;
            }
        }
        if (ambiguous == 0) {
            return java.util.List.of(skeleton);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(skeleton);
        char[] chars = skeleton.toCharArray();
        for (int mask = 0; mask < 1 << ambiguous; mask++) {
            int bit = 0;
            for (int i = 0; i < chars.length; i++) {
                char c = skeleton.charAt(i);
                if (c == DHAL || c == THA) {
                    boolean second = (mask & (1 << bit++)) != 0;
                    chars[i] = c == DHAL ? (second ? 'z' : 'd') : (second ? 's' : 't');
                }
            }
            out.add(new String(chars));
        }
        return out;
    }

    /**
     * In the skeleton of a token transliterated from Arabic script, ذ (written {@code dh}): read d or z. Arabic
     * romanizations write it dh or d; Persian, Dari, Pashto, Urdu and Levantine ones z, as it is spoken there
     * (نذير: Nadhir, Nazir; ذاكر: Dhakir, Zakir). Source: Wikipedia, "Dhal" (pronunciation in other languages).
     */
    public static final char DHAL = 'D';
    /** ث (written {@code th}) in the skeleton of a token from Arabic script: read t or s (ثابت: Thabit, Sabit). */
    public static final char THA = 'T';

    static String of(String token) {
        return of(token, false);
    }

    /**
     * The skeleton; of a token transliterated from Arabic script ({@code abjad}), with {@link #DHAL} and
     * {@link #THA} for the letters whose Latin spellings differ by language ({@link #agree}).
     */
    static String of(String token, boolean abjad) {
        StringBuilder sb = new StringBuilder(token.length());
        char last = 0;
        int marked = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == 'h' && i > 0 && "kstdgpc".indexOf(token.charAt(i - 1)) >= 0) {
                continue;
            }
            if (abjad && marked < MAX_AMBIGUOUS && (c == 'd' || c == 't') && i + 1 < token.length() && token.charAt(i + 1) == 'h'
                    && (i + 2 == token.length() || token.charAt(i + 2) != 'h')) {
                // dh, th: ذ, ث (a doubled h after d or t is د or ت then ح or ه: ArabicNames)
                c = c == 'd' ? DHAL : THA;
                marked++;
            }
            if (c == 'g' && i + 1 < token.length() && token.charAt(i + 1) == 'h') {
                // gh is غ in Arabic and ق in Persian, which the Persian romanizations write gh (Ghasem / قاسم,
                // Mohagheghi / محققی): read as q
                c = 'k';
            } else if (c == 'c') {
                // French ch is sh (Chérif, Achour: ش); any other c is hard (Yaacoub: يعقوب)
                c = i + 1 < token.length() && token.charAt(i + 1) == 'h' ? 's' : 'k';
            } else if (c == 'q') {
                c = 'k';
            } else if (c == 'j') {
                c = 'g'; // Egyptian g, Maghrebi dj for ج (Mongy / المنجي, Djamel / جمال)
            }
            if ("aeiouywv".indexOf(c) >= 0) {
                continue;
            }
            if (c == last) {
                continue;
            }
            sb.append(c);
            last = c;
        }
        int n = sb.length();
        if (n > 1 && sb.charAt(n - 1) == 'h') {
            sb.setLength(n - 1);
        }
        if (sb.length() >= NISBA_MIN_CONSONANTS && endsInLongI(token)) {
            // a final long i (ي) is kept: the nisba Karimi (كريمي) is not Karim or Kiram
            sb.append('y');
        }
        return sb.toString();
    }
}
