package io.vigil.registry.match;

import io.vigil.registry.match.index.CandidateIndex;
import io.vigil.registry.match.index.IndexedName;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.index.TypeGroup;
import io.vigil.registry.match.score.MatchScorer;
import io.vigil.registry.match.score.QueryAttributes;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.model.Party;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidates from a {@link CandidateIndex}, each scored by the {@link MatchScorer}; hits below the review threshold
 * dropped; the best name per party kept (ties: the earlier name, so the primary name wins); linked entries merged
 * into one hit scored by the best of them; hits ordered by score, then party id. The indexed matcher and the
 * brute-force baseline differ only in their candidate index.
 */
final class ScoringNameMatcher implements NameMatcher {

    private final IndexedRegistry registry;
    private final CandidateIndex candidates;
    private final MatchScorer scorer;
    private final MatchPolicy policy;
    private final double minNameScore;

    ScoringNameMatcher(IndexedRegistry registry, CandidateIndex candidates, MatchScorer scorer, MatchPolicy policy) {
        this.registry = registry;
        this.candidates = candidates;
        this.scorer = scorer;
        this.policy = policy;
        // the attributes add at most MAX_BONUS to the name score
        this.minNameScore = Math.max(0, policy.reviewThreshold() - MatchScorer.MAX_BONUS);
    }

    @Override
    public MatchPolicy policy() {
        return policy;
    }

    @Override
    public boolean reaches(io.vigil.registry.match.normalize.NameToken token) {
        return candidates.reaches(token);
    }

    @Override
    public io.vigil.registry.match.index.NameReach nameReach(io.vigil.registry.match.normalize.NameToken token) {
        return candidates.nameReach(token);
    }

    @Override
    public List<MatchHit> search(MatchQuery query, int limit) {
        ScorableName prepared = registry.prepare(query.name(), query.type());
        if (prepared.size() == 0 || limit <= 0) {
            return List.of();
        }
        QueryAttributes attributes = query.attributes();
        int[] ids = candidates.candidates(prepared, TypeGroup.of(query.type()), minNameScore);
        Map<Integer, Scored> bestByParty = new HashMap<>();
        for (int id : ids) {
            Scored s = score(prepared, attributes, id);
            if (s == null) {
                continue;
            }
            Scored best = bestByParty.get(s.party);
            if (best == null || s.beats(best)) {
                bestByParty.put(s.party, s);
            }
        }
        // linked entries are one party: keep the best-scoring entry of each group
        Map<String, Scored> bestByGroup = new HashMap<>();
        for (Scored s : bestByParty.values()) {
            String key = groupKey(s.party);
            Scored best = bestByGroup.get(key);
            if (best == null || s.beats(best)) {
                bestByGroup.put(key, s);
            }
        }
        List<Scored> ranked = new ArrayList<>(bestByGroup.values());
        ranked.sort((a, b) -> a.beats(b) ? -1 : b.beats(a) ? 1 : 0);
        List<MatchHit> hits = new ArrayList<>(Math.min(limit, ranked.size()));
        for (Scored best : ranked) {
            if (hits.size() == limit) {
                break;
            }
            hits.add(hit(prepared, attributes, best, bestByParty));
        }
        return List.copyOf(hits);
    }

    /** The same steps as {@link #search} up to the attributes: whether any candidate is scored at all. */
    @Override
    public boolean mayFind(MatchQuery query) {
        ScorableName prepared = registry.prepare(query.name(), query.type());
        if (prepared.size() == 0) {
            return false;
        }
        for (int id : candidates.candidates(prepared, TypeGroup.of(query.type()), minNameScore)) {
            if (!belowReview(scorer.nameScore(prepared, registry.name(id).scorable()))) {
                return true;
            }
        }
        return false;
    }

    /** A name score that cannot reach the review threshold whatever the attributes add. */
    private boolean belowReview(double nameScore) {
        return nameScore + MatchScorer.MAX_BONUS < policy.reviewThreshold();
    }

    /** The final score of one list name, or null when it cannot reach the review threshold. */
    private Scored score(ScorableName prepared, QueryAttributes attributes, int nameOrdinal) {
        IndexedName name = registry.name(nameOrdinal);
        double nameScore = scorer.nameScore(prepared, name.scorable());
        if (belowReview(nameScore)) {
            return null;
        }
        double score = scorer.score(nameScore, prepared, attributes, name.scorable(), name.name(),
                registry.party(name.partyOrdinal()));
        return score < policy.reviewThreshold() ? null
                : new Scored(score, name.partyOrdinal(), nameOrdinal, registry.party(name.partyOrdinal()).id());
    }

    private MatchHit hit(ScorableName prepared, QueryAttributes attributes, Scored best,
            Map<Integer, Scored> bestByParty) {
        List<Integer> members = new ArrayList<>();
        members.add(best.party);
        for (String linked : registry.linkedIds(best.party)) {
            int o = registry.ordinal(linked);
            if (o >= 0) {
                members.add(o);
            }
        }
        int reported = best.party;
        if (supplementary(registry.party(best.party))) {
            // report the official list entry; the notice that scored best rides along as a linked entry
            Scored chosen = null;
            for (int member : members) {
                if (supplementary(registry.party(member))) {
                    continue;
                }
                Scored own = bestByParty.containsKey(member) ? bestByParty.get(member) : bestOf(prepared, attributes,
                        member);
                if (chosen == null || own.beats(chosen)) {
                    chosen = own;
                }
            }
            if (chosen != null) {
                reported = chosen.party;
            }
        }
        List<Party> linked = new ArrayList<>();
        for (int member : members) {
            if (member != reported) {
                linked.add(registry.party(member));
            }
        }
        linked.sort((a, b) -> a.id().compareTo(b.id()));
        IndexedName name = registry.name(best.name);
        Party matchedParty = registry.party(best.party);
        var explanation = scorer.explain(prepared, attributes, name.scorable(), name.name(), matchedParty);
        return new MatchHit(registry.party(reported), linked, matchedParty.id(), name.name(), best.score,
                policy.decide(best.score), explanation);
    }

    /** The best score of any name of one party, even below the review threshold (for choosing whom to report). */
    private Scored bestOf(ScorableName prepared, QueryAttributes attributes, int partyOrdinal) {
        Scored best = new Scored(-1, partyOrdinal, -1, registry.party(partyOrdinal).id());
        for (int n : registry.namesOf(partyOrdinal)) {
            IndexedName name = registry.name(n);
            double score = scorer.score(scorer.nameScore(prepared, name.scorable()), prepared, attributes,
                    name.scorable(), name.name(), registry.party(partyOrdinal));
            Scored s = new Scored(score, partyOrdinal, n, best.id);
            if (s.beats(best)) {
                best = s;
            }
        }
        return best;
    }

    private String groupKey(int partyOrdinal) {
        String id = registry.party(partyOrdinal).id();
        for (String linked : registry.linkedIds(partyOrdinal)) {
            if (linked.compareTo(id) < 0) {
                id = linked;
            }
        }
        return id;
    }

    /** Designation notices supplement the official lists; a linked list entry is reported in their place. */
    private static boolean supplementary(Party party) {
        return party.source().equals("notice");
    }

    /** A scored list name: ranked by score, then party id, then name order (the primary name first). */
    private record Scored(double score, int party, int name, String id) {

        boolean beats(Scored other) {
            if (score != other.score) {
                return score > other.score;
            }
            int c = id.compareTo(other.id);
            if (c != 0) {
                return c < 0;
            }
            return name < other.name;
        }
    }
}
