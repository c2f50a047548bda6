package io.vigil.registry.match.index;

import io.vigil.registry.match.score.ScorableName;

/**
 * Finds the list names worth scoring for a query. Implementations are immutable and thread-safe.
 *
 * <p>Contract: every name whose tokens could give the query a weighted coverage of at least
 * {@code minQueryCoverage} (0–1) under the scorer's token similarity is returned; others may be.
 */
public interface CandidateIndex {

    /** Ordinals of candidate names in {@link IndexedRegistry#names()}, ascending. */
    int[] candidates(ScorableName query, TypeGroup type, double minQueryCoverage);
}
