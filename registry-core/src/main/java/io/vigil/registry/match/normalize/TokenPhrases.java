package io.vigil.registry.match.normalize;

import io.vigil.registry.model.ReferenceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multi-token phrases recognised in a token sequence, each with a label: the legal forms of organizations
 * ({@code legal-forms.tsv}: {@code "limited liability company"} → {@code LLC}) and honorifics
 * ({@code honorifics.tsv}: {@code "mr"}). The longest phrase wins. Legal-form words of six letters or more also match
 * with one typo ({@code "compqny"}, {@code "limitde"}), so a misspelt legal form is still set aside as one. Immutable.
 */
final class TokenPhrases {

    private record Phrase(String[] tokens, String label) {
    }

    /** Words this long or longer still match with one typo (one edit or two adjacent letters swapped). */
    static final int TYPO_TOLERANT_LENGTH = 6;

    private final java.util.Map<String, List<Phrase>> byFirstWord;
    private final List<String> typoTolerantFirstWords;
    private final boolean typoTolerant;
    /** Every word of every phrase, and those of {@value #TYPO_TOLERANT_LENGTH} letters or more. */
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
        this.typoTolerantFirstWords = byFirst.keySet().stream().filter(w -> w.length() >= TYPO_TOLERANT_LENGTH)
                .sorted().toList();
        java.util.Set<String> all = new java.util.HashSet<>();
        for (Phrase p : sorted) {
            all.addAll(List.of(p.tokens()));
        }
        this.allWords = java.util.Set.copyOf(all);
        this.longWords = all.stream().filter(w -> w.length() >= TYPO_TOLERANT_LENGTH).sorted().toList();
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
        if (best == 0 && typoTolerant && first.length() >= TYPO_TOLERANT_LENGTH - 1) {
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
        if (!typoTolerant || word.length() < TYPO_TOLERANT_LENGTH - 1) {
            return false;
        }
        for (String w : longWords) {
            if (Math.abs(w.length() - word.length()) <= 1 && oneTypo(w, word)) {
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
            if (Math.abs(w.length() - word.length()) <= 1 && oneTypo(w, word)) {
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
        for (Phrase p : candidates) {
            String[] pt = p.tokens();
            if (from + pt.length > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int i = 1; i < pt.length && all; i++) {
                all = same(pt[i], tokens.get(from + i));
            }
            if (all) {
                label.setLength(0);
                label.append(p.label());
                return pt.length;
            }
        }
        return 0;
    }

    private boolean same(String phraseWord, String word) {
        if (phraseWord.equals(word)) {
            return true;
        }
        return typoTolerant && phraseWord.length() >= TYPO_TOLERANT_LENGTH && word.length() >= TYPO_TOLERANT_LENGTH - 1
                && Math.abs(phraseWord.length() - word.length()) <= 1 && oneTypo(phraseWord, word);
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
