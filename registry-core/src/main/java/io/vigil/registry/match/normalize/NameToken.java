package io.vigil.registry.match.normalize;

import java.util.Arrays;

/**
 * One normalized token of a name, with the keys the scorer compares besides its text. Immutable.
 *
 * <ul>
 *   <li>{@code text}: lower-case ASCII, e.g. {@code "choi"}.</li>
 *   <li>{@code keys}: equivalence-class keys from the romanization tables: Hangul syllables for Korean
 *       ({@code "choi"} → {@code [최]}), the canonical form for Arabic, Russian and Chinese names
 *       ({@code "mohammed"} → {@code [muhammad]}); empty when no table knows the token.</li>
 *   <li>{@code skeleton}: the token after the transliteration rewrite rules ({@code "yevgeniy"} → {@code "evgeny"}).</li>
 *   <li>{@code consonants}: the consonant skeleton ({@code "mohammed"} → {@code "mhmd"}), compared only when one
 *       side was written in an abjad (Arabic, Persian), whose transliteration has no short vowels.</li>
 * </ul>
 */
public final class NameToken {

    private final String text;
    private final String[] keys;
    private final int[] keyHashes;
    private final String skeleton;
    private final String consonants;
    private final boolean fromAbjad;
    private final String digits;
    /** A romanized Korean syllable: one of the keys is a Hangul syllable (asked for every scored pair). */
    private final boolean koreanSyllable;

    public NameToken(String text, String[] keys, String skeleton, String consonants, boolean fromAbjad) {
        this.text = text;
        String[] k = keys.clone();
        // sorted by hash, then text: key comparisons run on ints
        Arrays.sort(k, (a, b) -> a.hashCode() != b.hashCode() ? Integer.compare(a.hashCode(), b.hashCode())
                : a.compareTo(b));
        this.keys = k;
        this.keyHashes = new int[k.length];
        for (int i = 0; i < k.length; i++) {
            keyHashes[i] = k[i].hashCode();
        }
        this.skeleton = skeleton;
        this.consonants = consonants;
        this.fromAbjad = fromAbjad;
        this.digits = digitsOf(text);
        boolean korean = false;
        for (String key : k) {
            korean |= key.length() == 1
                    && Character.UnicodeScript.of(key.charAt(0)) == Character.UnicodeScript.HANGUL;
        }
        this.koreanSyllable = korean;
    }

    public String text() {
        return text;
    }

    /** The equivalence keys (a copy, in no particular order). */
    public String[] keys() {
        return keys.clone();
    }

    /** True when the two tokens share an equivalence key. */
    public boolean sharesKeyWith(NameToken other) {
        int[] a = keyHashes;
        int[] b = other.keyHashes;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                if (equalKeyWithHash(a[i], i, other, j)) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** Whether some key of this token, starting at {@code i}, equals some key of {@code other} from {@code j}, all of hash {@code h}. */
    private boolean equalKeyWithHash(int h, int i, NameToken other, int j) {
        for (int x = i; x < keys.length && keyHashes[x] == h; x++) {
            for (int y = j; y < other.keys.length && other.keyHashes[y] == h; y++) {
                if (keys[x].equals(other.keys[y])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the token is a romanized Korean syllable: one of its keys is a Hangul syllable
     * (korean-syllables.tsv: {@code chang} → 장, 창).
     */
    public boolean koreanSyllable() {
        return koreanSyllable;
    }

    /** True when some key of this token equals {@code key}. */
    public boolean hasKey(String key) {
        for (String k : keys) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    public String skeleton() {
        return skeleton;
    }

    public String consonants() {
        return consonants;
    }

    /** True when the token was transliterated from Arabic script (no short vowels). */
    public boolean fromAbjad() {
        return fromAbjad;
    }

    /** The token's digits in order, empty when it has none. */
    public String digits() {
        return digits;
    }

    public int length() {
        return text.length();
    }

    private static String digitsOf(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(c);
            }
        }
        return sb == null ? "" : sb.toString();
    }

    @Override
    public String toString() {
        return keys.length == 0 ? text : text + Arrays.toString(keys);
    }
}
