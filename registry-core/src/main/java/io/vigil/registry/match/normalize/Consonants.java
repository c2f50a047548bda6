package io.vigil.registry.match.normalize;

/**
 * The consonant skeleton of a lower-case ASCII token, for comparing a name transliterated from Arabic script
 * (which writes no short vowels) with its Latin spellings: digraphs reduced ({@code kh sh th dh gh ph} → one
 * letter), {@code q} → {@code k}, vowels and the semivowels {@code w y v} dropped (Persian و is written v),
 * doubled letters collapsed, a final {@code h} dropped (Haniyeh/Haniya, ة).
 * Example: {@code "mohammed"} → {@code "mhmd"}, {@code "mhmd"} (from محمد) → {@code "mhmd"}, {@code "ali"} →
 * {@code "l"}.
 */
final class Consonants {

    private Consonants() {
    }

    static String of(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        char last = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == 'h' && i > 0 && "kstdgpcz".indexOf(token.charAt(i - 1)) >= 0) {
                continue;
            }
            if (c == 'q') {
                c = 'k';
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
        return sb.toString();
    }
}
