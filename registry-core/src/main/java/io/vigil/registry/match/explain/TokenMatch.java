package io.vigil.registry.match.explain;

/**
 * One row of an explanation's token table: a query token, the list token it was paired with, their similarity
 * (0–1) and how they were compared. Unmatched tokens have a null partner and similarity 0.
 *
 * <p>Example: {@code TokenMatch("choi", "choe", 0.95, ROMANIZATION)}.
 */
public record TokenMatch(String queryToken, String listToken, double similarity, TokenMatchMethod method) {

    @Override
    public String toString() {
        return switch (method) {
            case UNMATCHED_QUERY -> queryToken + " (unmatched)";
            case UNMATCHED_LIST -> "(missing) " + listToken;
            case GENERIC_ONLY, DROPPED_MIDDLE, INSERTED_WORD, MARRIED_NAME -> "(" + method.label() + ": x" + String.format(java.util.Locale.ROOT, "%.2f",
                    similarity) + ")";
            default -> queryToken + "~" + listToken + " " + String.format(java.util.Locale.ROOT, "%.2f", similarity)
                    + " " + method.label();
        };
    }
}
