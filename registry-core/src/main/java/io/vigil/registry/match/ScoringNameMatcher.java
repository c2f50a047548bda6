package io.vigil.registry.match;

import io.vigil.registry.match.index.CandidateIndex;
import io.vigil.registry.match.index.IndexedName;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.index.TypeGroup;
import io.vigil.registry.match.score.MatchScorer;
import io.vigil.registry.match.score.NameSimilarity;
import io.vigil.registry.match.score.QueryAttributes;
import io.vigil.registry.match.score.ScorableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidates from a {@link CandidateIndex}, each scored by the {@link MatchScorer}; the best name per party kept
 * (ties: the earlier name, so the primary name wins), hits below the review threshold dropped, the rest ordered by
 * score, then party id. The indexed matcher and the brute-force baseline differ only in their candidate index.
 */
final class ScoringNameMatcher implements NameMatcher {

    private final IndexedRegistry registry;
    private final CandidateIndex candidates;
    private final MatchScorer scorer;
    private final MatchPolicy policy;
    private final double minQueryCoverage;

    ScoringNameMatcher(IndexedRegistry registry, CandidateIndex candidates, MatchScorer scorer, MatchPolicy policy) {
        this.registry = registry;
        this.candidates = candidates;
        this.scorer = scorer;
        this.policy = policy;
        // the name score is at most 100 × (0.6 × query coverage + 0.4); the attributes add at most MAX_BONUS
        double needed = (policy.reviewThreshold() - MatchScorer.MAX_BONUS - 100 * NameSimilarity.LIST_SHARE)
                / (100 * NameSimilarity.QUERY_SHARE);
        this.minQueryCoverage = Math.max(0, needed);
    }

    @Override
    public MatchPolicy policy() {
        return policy;
    }

    @Override
    public List<MatchHit> search(MatchQuery query, int limit) {
        ScorableName prepared = registry.prepare(query.name(), query.type());
        if (prepared.size() == 0 || limit <= 0) {
            return List.of();
        }
        QueryAttributes attributes = query.attributes();
        int[] ids = candidates.candidates(prepared, TypeGroup.of(query.type()), minQueryCoverage);
        Map<Integer, double[]> bestByParty = new HashMap<>();
        for (int id : ids) {
            IndexedName name = registry.name(id);
            double nameScore = scorer.nameScore(prepared, name.scorable());
            if (nameScore + MatchScorer.MAX_BONUS < policy.reviewThreshold()) {
                continue;
            }
            double score = scorer.score(nameScore, prepared, attributes, name.scorable(), name.name(),
                    registry.party(name.partyOrdinal()));
            if (score < policy.reviewThreshold()) {
                continue;
            }
            double[] best = bestByParty.get(name.partyOrdinal());
            if (best == null || score > best[0] || score == best[0] && id < best[1]) {
                bestByParty.put(name.partyOrdinal(), new double[] {score, id});
            }
        }
        List<double[]> ranked = new ArrayList<>(bestByParty.values());
        ranked.sort((a, b) -> {
            int c = Double.compare(b[0], a[0]);
            if (c != 0) {
                return c;
            }
            return registry.party(registry.name((int) a[1]).partyOrdinal()).id()
                    .compareTo(registry.party(registry.name((int) b[1]).partyOrdinal()).id());
        });
        List<MatchHit> hits = new ArrayList<>(Math.min(limit, ranked.size()));
        for (double[] r : ranked) {
            if (hits.size() == limit) {
                break;
            }
            IndexedName name = registry.name((int) r[1]);
            var party = registry.party(name.partyOrdinal());
            var explanation = scorer.explain(prepared, attributes, name.scorable(), name.name(), party);
            hits.add(new MatchHit(party, registry.linkedIds(name.partyOrdinal()), name.name(), r[0],
                    policy.decide(r[0]), explanation));
        }
        return List.copyOf(hits);
    }
}
