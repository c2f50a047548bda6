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

    /**
     * The list names a query can get as candidates through this token (or joined pair), with the most the candidate
     * index credits each with for it; null when unknown (the default). Only names reached so can be candidates, and
     * a search offers a name only when {@code QUERY_SHARE × q + LIST_SHARE × l} reaches the review threshold less
     * {@link io.vigil.registry.match.score.MatchScorer#MAX_BONUS}, over 100 (see {@link io.vigil.registry.match.index.NameReach}).
     */
    default io.vigil.registry.match.index.NameReach nameReach(io.vigil.registry.match.normalize.NameToken token) {
        return null;
    }

    /**
     * False only when {@link #search} finds nothing for this query's name and type whatever its date of birth and
     * country (which are not read): the name's query form is empty, or no candidate name's similarity can reach the
     * review threshold even with the most the attributes can add. The default, true, proves nothing. Lets a caller
     * that meets the same name with many dates of birth and countries ask once per name and type.
     */
    default boolean mayFind(MatchQuery query) {
        return true;
    }

    /**
     * A matcher with the same results that remembers, for at most {@code names} distinct query names (per type),
     * what a search computes from the name and type alone (its candidates and their name scores), so that a name met
     * again with another date of birth or country is scored from that. For screening files, which repeat names. The
     * default: this matcher, remembering nothing.
     */
    default NameMatcher remembering(int names) {
        return this;
    }
}
