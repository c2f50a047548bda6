package io.vigil.registry.match;

import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.match.index.FullScanCandidates;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.index.InvertedCandidateIndex;
import io.vigil.registry.match.normalize.NameNormalizers;
import io.vigil.registry.match.score.MatchScorer;
import io.vigil.registry.match.score.RomanizedTokenSimilarity;
import io.vigil.registry.model.Party;
import java.util.List;

/**
 * Factory for {@link NameMatcher}s.
 *
 * <p>Example: <pre>{@code
 * IndexedRegistry registry = NameMatchers.prepare(store.parties(id), store.links(id));
 * NameMatcher matcher = NameMatchers.indexed(registry, MatchPolicy.defaults());
 * matcher.search(MatchQuery.of("Choi Cheol-min").withDateOfBirth("1978"), 10);
 * }</pre>
 */
public final class NameMatchers {

    private NameMatchers() {
    }

    /** Normalizes and indexes a snapshot's parties with the standard pipeline (once per snapshot). */
    public static IndexedRegistry prepare(List<Party> parties, PartyLinks links) {
        return IndexedRegistry.build(parties, links, NameNormalizers.standard());
    }

    /**
     * As {@link #prepare(List, PartyLinks)}, the token weights pinned to {@code weights} (a basis snapshot's
     * statistics; null: the parties' own).
     */
    public static IndexedRegistry prepare(List<Party> parties, PartyLinks links,
            io.vigil.registry.match.index.TokenStatistics weights) {
        return IndexedRegistry.build(parties, links, NameNormalizers.standard(), weights);
    }

    /** The production matcher: the inverted candidate index, then the standard scorer. */
    public static NameMatcher indexed(IndexedRegistry registry, MatchPolicy policy) {
        return indexed(registry, policy, DEFAULT_CACHED_TOKENS);
    }

    /** How many query tokens' index lookups the production matcher remembers. */
    public static final int DEFAULT_CACHED_TOKENS = 200_000;

    /**
     * The production matcher remembering the index lookups of at most {@code cachedTokens} distinct query tokens
     * (0: none, every lookup runs; for measuring the cold path). Results do not depend on it.
     */
    public static NameMatcher indexed(IndexedRegistry registry, MatchPolicy policy, int cachedTokens) {
        return new ScoringNameMatcher(registry, new InvertedCandidateIndex(registry, new RomanizedTokenSimilarity(),
                cachedTokens), MatchScorer.standard(), policy);
    }

    /** The brute-force baseline: the same scorer applied to every list name. For benchmarks and checks. */
    public static NameMatcher bruteForce(IndexedRegistry registry, MatchPolicy policy) {
        return new ScoringNameMatcher(registry, new FullScanCandidates(registry), MatchScorer.standard(), policy);
    }
}
