package io.vigil.registry.match.normalize;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard pipeline: at most {@value NameVariants#MAX_CHARS} characters; NFKC; invisible characters removed
 * ({@link Invisible}: bidirectional controls, zero-width and format characters); look-alike letters of other scripts
 * folded into the name's script ({@link Confusables}); Hangul split into syllables (each keyed by itself); other non-Latin scripts
 * transliterated with ICU ({@code Any-Latin; Latin-ASCII}); Latin folding; whole-name rewrites (Arabic compounds);
 * leading honorifics removed; legal forms recognised as classes (not for individuals); each token keyed through
 * the romanization tables and the transliteration rewrite rules. Cyrillic is romanized with BGN/PCGN, the system
 * the lists' own spellings follow; Arabic script keeps no short vowels, so its tokens are compared by consonants too. Thread-safe: the only shared mutable object, the
 * ICU transliterator, is used under a lock (it is reached only for non-Latin, non-Hangul text).
 */
final class StandardNameNormalizer implements NameNormalizer {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");
    private static final java.util.regex.Pattern ARTICLE = java.util.regex.Pattern.compile("\\bal([a-z]{3,})");

    private final KoreanSyllables korean;
    private final NameEquivalents equivalents;
    private final RewriteRules nameRewrites;
    private final RewriteRules tokenRewrites;
    private final TokenPhrases honorifics;
    private final TokenPhrases legalForms;
    private final Transliterator toLatin;
    private final Transliterator cyrillicToLatin;
    private final Transliterator hangulToLatin;
    private final Transliterator ukrainianToLatin;
    private final ArabicNames arabicNames = ArabicNames.load();
    /**
     * Keyed tokens already built, by text (a token's keys depend on its text alone): screening files repeat the
     * same given names and surnames, so each is keyed once. Bounded; past the bound tokens are built every time.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, NameToken> built =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final int TOKEN_CACHE_LIMIT = 500_000;

    StandardNameNormalizer(KoreanSyllables korean, NameEquivalents equivalents, RewriteRules nameRewrites,
            RewriteRules tokenRewrites, TokenPhrases honorifics, TokenPhrases legalForms) {
        this.korean = korean;
        this.equivalents = equivalents;
        this.nameRewrites = nameRewrites;
        this.tokenRewrites = tokenRewrites;
        this.honorifics = honorifics;
        this.legalForms = legalForms;
        this.plainWordsKnown = sha256(nameRewrites.patternsText()).equals(PLAIN_WORDS_REWRITES_SHA256);
        this.toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");
        // BGN/PCGN gives the spellings the lists use (Prigozhin, Vyacheslavovich), not ISO 9's (Prigozin)
        this.cyrillicToLatin = Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
        this.hangulToLatin = Transliterator.getInstance("Hangul-Latin");
        // Ukrainian and Belarusian names (і ї є ґ ў) read by the Ukrainian BGN/PCGN table (г → h, и → y), the
        // spellings their passports and the lists use (Volodymyr, Siarhei, Aliaksandr); the Russian table would
        // read Сяргей as Syargey and drop і
        this.ukrainianToLatin = Transliterator.getInstance("Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII");
    }

    /** Letters of the Ukrainian and Belarusian alphabets that the Russian alphabet lacks. */
    private static boolean ukrainianOrBelarusian(String run) {
        for (int i = 0; i < run.length(); i++) {
            switch (run.charAt(i)) {
                case 'і', 'І', 'ї', 'Ї', 'є', 'Є', 'ґ', 'Ґ', 'ў', 'Ў' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    @Override
    public NormalizedName normalize(String name, boolean person) {
        String bounded = NameVariants.bounded(name);
        // plain ASCII text is already NFKC, holds no invisible character and only Latin letters (nothing to fold):
        // the three steps would return it unchanged
        String text = PlainAscii.is(bounded) ? bounded
                : Confusables.fold(Invisible.strip(Normalizer.normalize(bounded, Normalizer.Form.NFKC)));
        List<String> words = new ArrayList<>();
        List<String> hangulKeys = new ArrayList<>();
        boolean abjad = toWords(text, words, hangulKeys);
        List<String> honorificsFound = new ArrayList<>();
        List<String> legal = new ArrayList<>();
        int start = 0;
        StringBuilder label = new StringBuilder();
        while (start < words.size() - 1 && hangulKeys.get(start) == null) {
            int n = honorifics.match(words, start, label);
            if (n == 0 || start + n >= words.size()) {
                break;
            }
            honorificsFound.add(label.toString());
            start += n;
        }
        List<NameToken> tokens = new ArrayList<>(words.size());
        List<Integer> legalAt = new ArrayList<>();
        for (int i = start; i < words.size(); i++) {
            if (!person && hangulKeys.get(i) == null) {
                int n = legalForms.match(words, i, label);
                if (n > 0) {
                    legal.add(label.toString());
                    legalAt.add(tokens.size());
                    i += n - 1;
                    continue;
                }
            }
            tokens.add(build(words.get(i), hangulKeys.get(i), abjad));
        }
        if (tokens.isEmpty() && !legal.isEmpty()) {
            // a name made only of legal-form words ("COMPANY LIMITED") keeps them as ordinary tokens
            legal.clear();
            for (int i = start; i < words.size(); i++) {
                tokens.add(build(words.get(i), hangulKeys.get(i), abjad));
            }
        }
        return new NormalizedName(name, tokens, legal, honorificsFound, person);
    }

    /**
     * The whole-name rewrites ({@code name-rewrites.tsv}) {@link #plainWords} was written for, as the SHA-256 of
     * their patterns, one a line. Read off those 23 patterns, every match of one of them contains {@code abd}
     * (rules 1 to 7, Abd al-X), contains {@code din} or {@code deen} (rules 8 to 11, al-Din), or starts with one of
     * {@link #ASSIMILATED_ARTICLES} as a whole word followed by a space (rules 12 to 23). When the table changes,
     * {@link #plainWords} answers null for every text until this reading is done again.
     */
    static final String PLAIN_WORDS_REWRITES_SHA256 =
            "26234c681e80ad9ca8ea73391ee8ff6cc5cf2e839329e2d0cf5d9b9817ce519b";
    private static final java.util.Set<String> ASSIMILATED_ARTICLES = java.util.Set.of("ar", "ash", "as", "az",
            "ath", "at", "adh", "ad", "an", "ur", "us", "uz");
    private final boolean plainWordsKnown;

    /**
     * Non-null for ASCII text of at most {@value NameVariants#MAX_CHARS} characters without apostrophes or grave
     * accents in which no whole-name rewrite can match: its letter-and-digit runs, lower case. Why the tokens of any
     * name cut from such a text come from these words: ASCII text passes NFKC, the removal of invisible characters
     * and look-alike folding unchanged ({@link PlainAscii}) and is one Latin run, which {@link LatinFolding} turns
     * into its letter-and-digit runs in lower case (apostrophes, the only characters it drops without a break, are
     * excluded); a name cut at other characters folds to a contiguous run of these words, joined by single spaces,
     * which is a part of the folded text, so it holds none of the literals every rewrite match needs either, and the
     * rewrites leave it as it is; honorifics and legal forms only remove words; every remaining word becomes {@code
     * build(word)}, which is {@link #token(String)} (not Hangul, not from Arabic script), in order.
     */
    @Override
    public List<String> plainWords(String text) {
        if (!plainWordsKnown || text.length() > NameVariants.MAX_CHARS || !PlainAscii.is(text)
                || text.indexOf('\'') >= 0 || text.indexOf('`') >= 0) {
            return null;
        }
        String folded = LatinFolding.fold(text);
        if (folded.contains("abd") || folded.contains("din") || folded.contains("deen")) {
            return null;
        }
        if (folded.isEmpty()) {
            return List.of();
        }
        // the words between spaces (as a split at " +" gives them; the folded text has no leading space)
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= folded.length(); i++) {
            if (i == folded.length() || folded.charAt(i) == ' ') {
                if (i > start) {
                    String w = folded.substring(start, i);
                    if (w.length() <= 3 && ASSIMILATED_ARTICLES.contains(w)) { // the articles have 2 or 3 letters
                        return null;
                    }
                    words.add(w);
                }
                start = i + 1;
            }
        }
        return words;
    }

    @Override
    public boolean mayDrop(String word) {
        return honorifics.mayMatch(word) || legalForms.mayMatch(word);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public NameToken token(String text) {
        return build(text, null, false);
    }

    @Override
    public NameToken joined(NameToken left, NameToken right) {
        String[] lk = left.keys();
        String[] rk = right.keys();
        java.util.Arrays.sort(lk);
        java.util.Arrays.sort(rk);
        String cacheKey = left.text() + '\u0002' + right.text() + (left.fromAbjad() || right.fromAbjad() ? "\u0001" : "")
                + '\u0002' + String.join(",", lk) + '\u0002' + String.join(",", rk);
        NameToken token = built.get(cacheKey);
        if (token == null) {
            token = join(left, right);
            if (built.size() < TOKEN_CACHE_LIMIT) {
                built.putIfAbsent(cacheKey, token);
            }
        }
        return token;
    }

    private NameToken join(NameToken left, NameToken right) {
        String text = left.text() + right.text();
        List<String> keys = new ArrayList<>();
        korean.addKeys(text, keys);
        equivalents.addKeys(text, keys);
        for (String k : KoreanSyllables.join(left.keys(), right.keys())) {
            keys.add(k);
        }
        String[] k = keys.stream().distinct().toArray(String[]::new);
        boolean abjad = left.fromAbjad() || right.fromAbjad();
        return new NameToken(text, k, skeleton(text), Consonants.of(text, abjad), abjad);
    }

    private NameToken build(String text, String hangul, boolean abjad) {
        if (hangul != null) {
            return keyed(text, hangul, false);
        }
        String cacheKey = abjad ? text + '\u0001' : text;
        NameToken token = built.get(cacheKey);
        if (token == null) {
            token = keyed(text, null, abjad);
            if (built.size() < TOKEN_CACHE_LIMIT) {
                built.putIfAbsent(cacheKey, token);
            }
        }
        return token;
    }

    private NameToken keyed(String text, String hangul, boolean abjad) {
        List<String> keys = new ArrayList<>(4);
        if (hangul != null) {
            keys.add(hangul);
        } else {
            korean.addKeys(text, keys);
            equivalents.addKeys(text, keys);
            if (keys.isEmpty()) {
                equivalents.addPatronymicKeys(text, this::skeleton, keys);
            }
        }
        String[] k = keys.isEmpty() ? KoreanSyllables.NO_KEYS : keys.stream().distinct().toArray(String[]::new);
        return new NameToken(text, k, skeleton(text), Consonants.of(text, abjad), abjad);
    }

    /** The transliteration skeleton: the rewrite rules, then the correspondences read in long tokens. */
    private String skeleton(String text) {
        return LongTokenSpellings.fold(tokenRewrites.apply(text));
    }

    /**
     * Splits the text into lower-case ASCII words; each Hangul syllable of a short Hangul run becomes its own
     * word, with the syllable as its key. Returns true when some text was in Arabic script.
     */
    private boolean toWords(String text, List<String> words, List<String> hangulKeys) {
        StringBuilder latin = new StringBuilder(text.length());
        boolean abjad = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = PlainAscii.script(cp);
            if (script == Character.UnicodeScript.HANGUL) {
                int end = i;
                while (end < text.length() && Character.UnicodeScript.of(text.codePointAt(end))
                        == Character.UnicodeScript.HANGUL) {
                    end += Character.charCount(text.codePointAt(end));
                }
                flushLatin(latin, words, hangulKeys);
                addHangulRun(text.substring(i, end), words, hangulKeys);
                i = end;
                continue;
            }
            if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                    && script != Character.UnicodeScript.INHERITED && Character.isLetter(cp)) {
                int end = i;
                while (end < text.length()) {
                    int c = text.codePointAt(end);
                    Character.UnicodeScript s = Character.UnicodeScript.of(c);
                    if (s == Character.UnicodeScript.LATIN || s == Character.UnicodeScript.HANGUL) {
                        break;
                    }
                    end += Character.charCount(c);
                }
                boolean arabic = script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.HEBREW
                        || script == Character.UnicodeScript.SYRIAC;
                // ta marbuta (ة) is read as a final -a/-ah/-eh, not as t
                String run = text.substring(i, end).replace('\u0629', '\u0647');
                if (script == Character.UnicodeScript.ARABIC) {
                    // the common name words with the vowels and spellings the Latin lists use (محمد → muhammad)
                    run = arabicNames.romanize(run);
                    // ض and ظ are spoken d (dh) in Arabic and z in Persian, Dari, Pashto and Urdu (رمضان: Ramadan,
                    // Ramazan; ظفر: Zafar, Dhafar; قاضی: Qadi, Qazi): written dh as ذ is, which the consonant
                    // skeleton reads d or z (Consonants.DHAL)
                    run = run.replace('\u0636', '\u0630').replace('\u0638', '\u0630');
                }
                Transliterator t = script != Character.UnicodeScript.CYRILLIC ? toLatin
                        : ukrainianOrBelarusian(run) ? ukrainianToLatin : cyrillicToLatin;
                if (script == Character.UnicodeScript.CYRILLIC) {
                    // BGN/PCGN writes the hard sign as a double prime, which ASCII folding makes a quotation mark,
                    // a word break (ОБЪЕДИНЕНИЕ → OB"YEDINENIYE); the lists write the word whole (OBEDINENIE)
                    run = run.replace("ъ", "").replace("Ъ", "");
                }
                // BGN/PCGN marks э after a consonant with a middle dot (ТЭРТЭЛЬ → T·ERT·EL'): it is not a word break
                String romanized = transliterate(t, run).replace("\u00B7", "");
                if (arabic && script != Character.UnicodeScript.ARABIC) {
                    // the article is written joined: split it as the Latin lists do (Arabic script: ArabicNames)
                    romanized = ARTICLE.matcher(LatinFolding.fold(romanized)).replaceAll("al $1");
                }
                abjad |= arabic;
                latin.append(' ').append(romanized).append(' ');
                i = end;
                continue;
            }
            latin.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        flushLatin(latin, words, hangulKeys);
        return abjad;
    }

    private void flushLatin(StringBuilder latin, List<String> words, List<String> hangulKeys) {
        if (latin.length() == 0) {
            return;
        }
        String folded = LatinFolding.fold(latin.toString());
        latin.setLength(0);
        if (folded.isEmpty()) {
            return;
        }
        String rewritten = nameRewrites.apply(folded).strip();
        for (String w : SPACES.split(rewritten)) {
            if (!w.isEmpty()) {
                words.add(w);
                hangulKeys.add(null);
            }
        }
    }

    /** A run of up to four syllables is a personal name: one word per syllable; a longer run stays whole. */
    private void addHangulRun(String run, List<String> words, List<String> hangulKeys) {
        if (run.codePointCount(0, run.length()) > 4) {
            for (String w : LatinFolding.fold(transliterate(hangulToLatin, run)).split(" +")) {
                if (!w.isEmpty()) {
                    words.add(w);
                    hangulKeys.add(null);
                }
            }
            return;
        }
        for (int i = 0; i < run.length(); i++) {
            String syllable = run.substring(i, i + 1);
            if (!KoreanSyllables.isHangul(syllable)) {
                continue;
            }
            words.add(LatinFolding.fold(transliterate(hangulToLatin, syllable)));
            hangulKeys.add(syllable);
        }
    }

    private static String transliterate(Transliterator t, String text) {
        synchronized (t) {
            return t.transliterate(text);
        }
    }
}
