package io.vigil.registry.match.index;

import io.vigil.registry.match.score.ScorableName;

/**
 * Finds the list names worth scoring for a query. Implementations are immutable and thread-safe.
 *
 * <p>Contract: every name of an admitted type whose name score for the query (see
 * {@link io.vigil.registry.match.score.NameSimilarity}) could reach {@code minNameScore} is returned; others may
 * be.
 */
public interface CandidateIndex {

    /** Ordinals of candidate names in {@link IndexedRegistry#names()}, ascending. */
    int[] candidates(ScorableName query, TypeGroup type, double minNameScore);

    /**
     * False only when no list name can be a candidate through {@code token}: a query none of whose tokens and joined
     * pairs passes this gets no candidates at all. The default, true, proves nothing.
     */
    default boolean reaches(io.vigil.registry.match.normalize.NameToken token) {
        return true;
    }

    /**
     * Every list name a query can get as a candidate through {@code token} (a token of the query or a joined pair),
     * each with the most the candidate search credits it with for that token ({@link NameReach}), or null when the
     * index cannot say (the default). A name not listed here is never offered through the token.
     */
    default NameReach nameReach(io.vigil.registry.match.normalize.NameToken token) {
        return null;
    }
}
