package io.vigil.registry.match.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Romanizes the common words of Arabic-script names with the vowels and spellings the Latin lists use, from
 * {@code arabic-names.tsv}: {@code محمد علی} → {@code muhammad ali}, where a letter-by-letter transliteration gives
 * only the consonants ({@code mhmd ly}). Persian and Urdu letters are read as their Arabic counterparts
 * ({@code ی ک ہ ھ} → {@code ي ك ه ه}); joined compounds are split into known words ({@code عبدالكريم} →
 * {@code abd al karim}, {@code محمدرضا} → {@code muhammad reza}, {@code ابوبكر} → {@code abu} + the rest). Words
 * the table does not know are returned folded, for the ICU transliteration. Immutable and thread-safe.
 */
final class ArabicNames {

    private static final String ABD = "عبد";
    private static final String ABU = "ابو";
    private static final String ARTICLE = "ال";
    private static final String AND_ARTICLE = "وال";
    /** The shortest part of a compound that is looked up on its own. */
    private static final int MIN_PART = 2;

    private final Map<String, String> latinByWord;

    private ArabicNames(Map<String, String> latinByWord) {
        this.latinByWord = Map.copyOf(latinByWord);
    }

    static ArabicNames load() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = ArabicNames.class.getResourceAsStream("arabic-names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("arabic-names.tsv missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 2 || !f[1].matches("[a-z]+( [a-z]+)*")) {
                    throw new IllegalStateException("arabic-names.tsv: bad line: " + line);
                }
                String key = fold(f[0]);
                if (map.putIfAbsent(key, f[1]) != null) {
                    throw new IllegalStateException("arabic-names.tsv: " + f[0] + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArabicNames(map);
    }

    /**
     * Folds the Arabic-script text: diacritics and tatweel removed, hamza-seated alifs written {@code ا}, Persian,
     * Urdu and Pashto letters written as their Arabic (or Persian) counterparts, final {@code ى} written {@code ي}.
     */
    static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
                continue;
            }
            sb.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ی', 'ے', 'ى', 'ئ' -> 'ي';
                case 'ک' -> 'ك';
                case 'ہ', 'ۀ', 'ة', 'ھ', 'ە' -> 'ه';
                // Pashto letters, as the lists romanize them: ښ → sh (Pashtun), ځ → z (Zadran), څ → ch
                // (Achakzai), ګ → g, ټ ډ ړ ڼ → t d r n, ې ۍ → ي (e, ai)
                case 'ښ' -> 'ش';
                case 'ځ' -> 'ز';
                case 'څ' -> 'چ';
                case 'ګ' -> 'گ';
                case 'ټ', 'ٹ' -> 'ت';
                case 'ډ', 'ڈ' -> 'د';
                case 'ړ', 'ڑ' -> 'ر';
                case 'ڼ', 'ں' -> 'ن';
                case 'ې', 'ۍ', 'ۓ' -> 'ي';
                default -> c;
            });
        }
        return sb.toString();
    }

    /** The run with every known word (or compound of known words) replaced by its Latin form. */
    String romanize(String run) {
        String[] words = fold(run).split("\\s+");
        StringBuilder out = new StringBuilder(run.length() + 8);
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word(w));
        }
        return apartFromDigraphs(out);
    }

    /** Letters whose romanization ends in t, d, s, k, g or p, the first letters of the Latin digraphs th dh sh kh gh ph. */
    private static final String DIGRAPH_FIRSTS = "تطدضسصكگپ";

    /**
     * ح or ه after a letter romanized t, d, s, k, g or p written twice, so that the romanization keeps two letters
     * apart ({@code اتحادي} → {@code athhady}, not {@code athady}, which reads as ث; {@code مسهل} → {@code mshhl},
     * not ش). The consonant skeleton and the rewrite rules treat a doubled h as one h after the letter: the
     * transliteration of {@code اتحادي} then compares with Ettehadi by its consonants t-h-d. A final h is left alone
     * (the skeleton drops it, and a ta marbuta ة is read as h: {@code عودة} stays {@code wdh}).
     */
    private static String apartFromDigraphs(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c);
            boolean wordEnd = i + 1 == text.length() || !Character.isLetter(text.charAt(i + 1));
            if ((c == 'ح' || c == 'ه') && i > 0 && !wordEnd && DIGRAPH_FIRSTS.indexOf(text.charAt(i - 1)) >= 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String word(String w) {
        String known = latinByWord.get(w);
        if (known != null) {
            return known;
        }
        if (w.startsWith(ABD) && w.length() > ABD.length() + 1) {
            return "abd " + rest(w.substring(ABD.length()));
        }
        if (w.startsWith(ABU) && w.length() > ABU.length() + 1) {
            return "abu " + rest(w.substring(ABU.length()));
        }
        if (w.startsWith(AND_ARTICLE) && w.length() >= AND_ARTICLE.length() + 3) {
            // "and the" written joined (والشام, wa-al-Sham): the lists write the article and the word, without the
            // conjunction (ISLAMIC STATE OF IRAQ AND AL-SHAM)
            return word(w.substring(1));
        }
        if (w.startsWith(ARTICLE) && w.length() >= ARTICLE.length() + MIN_PART) {
            // the article is written joined (البغدادي): split it as the Latin lists write al-Baghdadi; the rest, when
            // the lexicon lacks it, stays in Arabic script for the transliterator
            String bare = latinByWord.get(w.substring(ARTICLE.length()));
            return "al " + (bare != null ? bare : w.substring(ARTICLE.length()));
        }
        for (int cut = MIN_PART; cut <= w.length() - MIN_PART; cut++) {
            String left = latinByWord.get(w.substring(0, cut));
            String right = latinByWord.get(w.substring(cut));
            if (left != null && right != null) {
                return left + " " + right;
            }
        }
        return w;
    }

    /** The part after abd/abu: {@code الكريم} → {@code al karim}; unknown parts stay in Arabic script. */
    private String rest(String part) {
        String known = latinByWord.get(part);
        if (known != null) {
            return known;
        }
        if (part.startsWith(ARTICLE) && part.length() > ARTICLE.length() + 1) {
            String bare = latinByWord.get(part.substring(ARTICLE.length()));
            return "al " + (bare != null ? bare : part.substring(ARTICLE.length()));
        }
        return part;
    }
}
