package io.vigil.registry.match;

import java.util.List;

/**
 * Screens names against one registry snapshot. Implementations are immutable and thread-safe.
 *
 * <p>Example: {@code matcher.search(MatchQuery.of("Choi Cheol-min").withDateOfBirth("1978"), 10)} → first hit
 * {@code ofac:43598} (CHOE Chol Min), decision alert.
 */
public interface NameMatcher {

    /**
     * The parties whose best name scores at or above the review threshold, best first (ties by party id), at most
     * {@code limit}, each with its explanation.
     */
    List<MatchHit> search(MatchQuery query, int limit);

    MatchPolicy policy();

    /**
     * False only when a query holding this token (or this joined pair of tokens) cannot find any list name through
     * it: a query none of whose tokens and joined pairs passes this finds nothing. The default, true, proves nothing.
     */
    default boolean reaches(io.vigil.registry.match.normalize.NameToken token) {
        return true;
    }
}
