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
final class Consonants {

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

    static String of(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        char last = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == 'h' && i > 0 && "kstdgpc".indexOf(token.charAt(i - 1)) >= 0) {
                continue;
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
