package io.vigil.registry.match.normalize;

import io.vigil.registry.model.ReferenceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multi-token phrases recognised in a token sequence, each with a label: the legal forms of organizations
 * ({@code legal-forms.tsv}: {@code "limited liability company"} → {@code LLC}) and honorifics
 * ({@code honorifics.tsv}: {@code "mr"}). The longest phrase wins. Legal-form words of six letters or more also match
 * with one typo ({@code "compqny"}, {@code "limitde"}), those of twelve or more with two ({@code "ogranchennoi"} for
 * {@code "ogranichennoy"}: a letter left out and another romanization of й), so a misspelt legal form is still set
 * aside as one. Immutable.
 */
final class TokenPhrases {

    private record Phrase(String[] tokens, String label) {
    }

    /** Words this long or longer still match with one typo (one edit or two adjacent letters swapped). */
    static final int TYPO_TOLERANT_LENGTH = 6;
    /**
     * Words this long or longer still match with two: the long words of spelled-out legal forms
     * ({@code ogranichennoy}, {@code otvetstvennostyu}, {@code gesellschaft}) are romanized several ways and typed
     * with errors, and two edits in twelve letters still leave them unlike any other word (in eleven,
     * {@code cooperation} is two edits from {@code corporation}).
     */
    static final int TWO_TYPOS_LENGTH = 12;
    /**
     * A word of a phrase of several words with this many letters ({@code joint}, {@code stock}) also matches with one
     * typo, when another word of the phrase matches exactly: {@code jint stock company}, {@code joint stokc company}.
     */
    static final int SHORT_TYPO_LENGTH = 5;

    private final java.util.Map<String, List<Phrase>> byFirstWord;
    private final List<String> typoTolerantFirstWords;
    private final boolean typoTolerant;
    /**
     * Every word of every phrase, and those that may match with a typo: of {@value #TYPO_TOLERANT_LENGTH} letters or
     * more, or of {@value #SHORT_TYPO_LENGTH} in a phrase of several words.
     */
    private final java.util.Set<String> allWords;
    private final List<String> longWords;
    private final java.util.concurrent.ConcurrentHashMap<String, String[]> typoNeighbours =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final int TYPO_CACHE_LIMIT = 200_000;

    private TokenPhrases(List<Phrase> phrases, boolean typoTolerant) {
        this.typoTolerant = typoTolerant;
        List<Phrase> sorted = new ArrayList<>(phrases);
        sorted.sort(Comparator.comparingInt((Phrase p) -> -p.tokens().length));
        java.util.Map<String, List<Phrase>> byFirst = new java.util.HashMap<>();
        for (Phrase p : sorted) {
            byFirst.computeIfAbsent(p.tokens()[0], k -> new ArrayList<>()).add(p);
        }
        byFirst.replaceAll((k, v) -> List.copyOf(v));
        this.byFirstWord = java.util.Map.copyOf(byFirst);
        java.util.Set<String> all = new java.util.HashSet<>();
        java.util.Set<String> typoWords = new java.util.TreeSet<>();
        for (Phrase p : sorted) {
            all.addAll(List.of(p.tokens()));
            for (String w : p.tokens()) {
                if (w.length() >= TYPO_TOLERANT_LENGTH || w.length() == SHORT_TYPO_LENGTH && p.tokens().length > 1) {
                    typoWords.add(w);
                }
            }
        }
        this.typoTolerantFirstWords = byFirst.keySet().stream().filter(typoWords::contains).sorted().toList();
        this.allWords = java.util.Set.copyOf(all);
        this.longWords = List.copyOf(typoWords);
    }

    static TokenPhrases legalForms() {
        List<Phrase> phrases = new ArrayList<>();
        for (List<String> row : ReferenceData.rows(TokenPhrases.class, "legal-forms.tsv", 3)) {
            for (String variant : row.get(1).split("\\|")) {
                phrases.add(new Phrase(variant.strip().split(" +"), row.get(0)));
            }
        }
        return new TokenPhrases(phrases, true);
    }

    static TokenPhrases honorifics() {
        List<Phrase> phrases = new ArrayList<>();
        for (List<String> row : ReferenceData.rows(TokenPhrases.class, "honorifics.tsv", 2)) {
            phrases.add(new Phrase(row.get(0).split(" +"), row.get(0)));
        }
        return new TokenPhrases(phrases, false);
    }

    /** The length of the longest phrase starting at {@code from}, 0 when none does; its label goes to {@code label}. */
    int match(List<String> tokens, int from, StringBuilder label) {
        String first = tokens.get(from);
        int best = longest(byFirstWord.get(first), tokens, from, label);
        if (best == 0 && typoTolerant && first.length() >= SHORT_TYPO_LENGTH - 1) {
            for (String word : typoNeighbours(first)) {
                best = longest(byFirstWord.get(word), tokens, from, label);
                if (best > 0) {
                    break;
                }
            }
        }
        return best;
    }

    /**
     * Whether the word may be matched as a word of some phrase: it is one, or (typo-tolerant phrases) is one typo
     * away from one of {@value #TYPO_TOLERANT_LENGTH} letters or more. False: {@link #match} never consumes it.
     */
    boolean mayMatch(String word) {
        if (allWords.contains(word)) {
            return true;
        }
        if (!typoTolerant || word.length() < SHORT_TYPO_LENGTH - 1) {
            return false;
        }
        for (String w : longWords) {
            if (typoOf(w, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first words of phrases (of {@value #TYPO_TOLERANT_LENGTH} letters or more) one typo away from {@code word},
     * in sorted order. Depends on the word alone, so each distinct word is compared with the phrases once; bounded,
     * past the bound it is computed every time.
     */
    private String[] typoNeighbours(String word) {
        String[] known = typoNeighbours.get(word);
        if (known != null) {
            return known;
        }
        List<String> found = new ArrayList<>(1);
        for (String w : typoTolerantFirstWords) {
            if (typoOf(w, word)) {
                found.add(w);
            }
        }
        String[] out = found.toArray(new String[0]);
        if (typoNeighbours.size() < TYPO_CACHE_LIMIT) {
            typoNeighbours.putIfAbsent(word, out);
        }
        return out;
    }

    private int longest(List<Phrase> candidates, List<String> tokens, int from, StringBuilder label) {
        if (candidates == null) {
            return 0;
        }
        String first = tokens.get(from);
        for (Phrase p : candidates) {
            String[] pt = p.tokens();
            if (from + pt.length > tokens.size()) {
                continue;
            }
            // the first word matched exactly or (typoNeighbours) with a typo
            boolean exact = pt[0].equals(first);
            boolean shortTypo = !exact && pt[0].length() < TYPO_TOLERANT_LENGTH;
            boolean all = true;
            for (int i = 1; i < pt.length && all; i++) {
                String word = tokens.get(from + i);
                if (pt[i].equals(word)) {
                    exact = true;
                } else {
                    all = same(pt[i], word, pt.length);
                    shortTypo |= pt[i].length() < TYPO_TOLERANT_LENGTH;
                }
            }
            // a short word's typo needs a word of the phrase written exactly beside it
            if (all && (!shortTypo || exact)) {
                label.setLength(0);
                label.append(p.label());
                return pt.length;
            }
        }
        return 0;
    }

    private boolean same(String phraseWord, String word, int phraseLength) {
        if (phraseWord.equals(word)) {
            return true;
        }
        boolean tolerant = phraseWord.length() >= TYPO_TOLERANT_LENGTH
                || phraseWord.length() == SHORT_TYPO_LENGTH && phraseLength > 1;
        return typoTolerant && tolerant && word.length() >= SHORT_TYPO_LENGTH - 1 && typoOf(phraseWord, word);
    }

    /**
     * Whether {@code word} ({@value #SHORT_TYPO_LENGTH} letters less one, or more) is {@code phraseWord} with one
     * typo, or with two when the phrase word has {@value #TWO_TYPOS_LENGTH} letters or more.
     */
    static boolean typoOf(String phraseWord, String word) {
        // a short word with a letter added is as often another word (stock / stocks, state / estate, joint / joints)
        if (word.length() < SHORT_TYPO_LENGTH - 1
                || phraseWord.length() < TYPO_TOLERANT_LENGTH && word.length() > phraseWord.length()) {
            return false;
        }
        if (phraseWord.length() >= TWO_TYPOS_LENGTH) {
            return EditDistance.atMost(phraseWord, word, 2) >= 0;
        }
        return Math.abs(phraseWord.length() - word.length()) <= 1 && oneTypo(phraseWord, word);
    }

    /** True when the words differ by one insertion, deletion, substitution or swap of adjacent letters. */
    static boolean oneTypo(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (a.regionMatches(i + 1, b, i + 1, a.length() - i - 1)) {
                return true;
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
    }
}
