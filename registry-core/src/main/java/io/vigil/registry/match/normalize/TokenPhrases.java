package io.vigil.registry.match.normalize;

import io.vigil.registry.model.ReferenceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multi-token phrases recognised in a token sequence, each with a label: the legal forms of organizations
 * ({@code legal-forms.tsv}: {@code "limited liability company"} → {@code LLC}) and honorifics
 * ({@code honorifics.tsv}: {@code "mr"}). The longest phrase wins. Immutable.
 */
final class TokenPhrases {

    private record Phrase(String[] tokens, String label) {
    }

    private final List<Phrase> phrases;

    private TokenPhrases(List<Phrase> phrases) {
        List<Phrase> sorted = new ArrayList<>(phrases);
        sorted.sort(Comparator.comparingInt((Phrase p) -> -p.tokens().length));
        this.phrases = List.copyOf(sorted);
    }

    static TokenPhrases legalForms() {
        List<Phrase> phrases = new ArrayList<>();
        for (List<String> row : ReferenceData.rows(TokenPhrases.class, "legal-forms.tsv", 3)) {
            for (String variant : row.get(1).split("\\|")) {
                phrases.add(new Phrase(variant.strip().split(" +"), row.get(0)));
            }
        }
        return new TokenPhrases(phrases);
    }

    static TokenPhrases honorifics() {
        List<Phrase> phrases = new ArrayList<>();
        for (List<String> row : ReferenceData.rows(TokenPhrases.class, "honorifics.tsv", 2)) {
            phrases.add(new Phrase(row.get(0).split(" +"), row.get(0)));
        }
        return new TokenPhrases(phrases);
    }

    /** The length of the longest phrase starting at {@code from}, 0 when none does; its label goes to {@code label}. */
    int match(List<String> tokens, int from, StringBuilder label) {
        for (Phrase p : phrases) {
            String[] pt = p.tokens();
            if (from + pt.length > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < pt.length && all; i++) {
                all = pt[i].equals(tokens.get(from + i));
            }
            if (all) {
                label.setLength(0);
                label.append(p.label());
                return pt.length;
            }
        }
        return 0;
    }
}
