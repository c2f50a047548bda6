package io.vigil.registry.match;

import io.vigil.registry.match.index.CandidateIndex;
import io.vigil.registry.match.index.IndexedName;
import io.vigil.registry.match.index.IndexedRegistry;
import io.vigil.registry.match.index.TypeGroup;
import io.vigil.registry.match.score.MatchScorer;
import io.vigil.registry.match.score.QueryAttributes;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
    /**
     * Per query type (slot 0 none, then {@link PartyType} ordinal + 1), the {@link Named} of each query name met,
     * while {@link #memoLimit} is not reached; null when nothing is remembered.
     */
    private final ConcurrentHashMap<String, Named>[] named;
    private final int memoLimit;
    private final AtomicInteger memoSize = new AtomicInteger();
    private final AtomicInteger memoFound = new AtomicInteger();

    ScoringNameMatcher(IndexedRegistry registry, CandidateIndex candidates, MatchScorer scorer, MatchPolicy policy) {
        this(registry, candidates, scorer, policy, 0);
    }

    @SuppressWarnings("unchecked")
    private ScoringNameMatcher(IndexedRegistry registry, CandidateIndex candidates, MatchScorer scorer,
            MatchPolicy policy, int memoLimit) {
        this.registry = registry;
        this.candidates = candidates;
        this.scorer = scorer;
        this.policy = policy;
        // the attributes add at most MAX_BONUS to the name score
        this.minNameScore = Math.max(0, policy.reviewThreshold() - MatchScorer.MAX_BONUS);
        this.memoLimit = memoLimit;
        if (memoLimit > 0) {
            this.named = new ConcurrentHashMap[PartyType.values().length + 1];
            for (int i = 0; i < named.length; i++) {
                named[i] = new ConcurrentHashMap<>(1 << 12);
            }
        } else {
            this.named = null;
        }
    }

    /** The same matcher remembering what {@link #search} computes from a query's name and type alone. */
    @Override
    public NameMatcher remembering(int names) {
        return names <= 0 ? this : new ScoringNameMatcher(registry, candidates, scorer, policy, names);
    }

    /**
     * What a search computes from the query's name and type alone, before reading its date of birth and country:
     * the prepared name, and the candidate names (ascending ordinals) whose name score can reach the review threshold
     * with the most the attributes add, with those name scores. {@link #NOTHING} when there are none: the search
     * then finds nothing whatever the attributes.
     */
    private record Named(ScorableName prepared, int[] names, double[] nameScores) {
    }

    private static final Named NOTHING = new Named(null, new int[0], new double[0]);

    private Named named(String name, PartyType type) {
        ConcurrentHashMap<String, Named> memo = null;
        if (named != null) {
            memo = named[type == null ? 0 : type.ordinal() + 1];
            Named known = memo.get(name);
            if (known != null) {
                return known;
            }
        }
        Named computed = computeNamed(name, type);
        if (memo != null && name.length() <= MEMO_MAX_CHARS && memoSize.get() < memoLimit
                && (computed == NOTHING || memoFound.get() < memoLimit / MEMO_FOUND_SHARE)
                && memo.putIfAbsent(name, computed) == null) {
            memoSize.incrementAndGet();
            if (computed != NOTHING) {
                memoFound.incrementAndGet();
            }
        }
        return computed;
    }

    /** Longer names are not remembered: a remembered name keeps its text. */
    static final int MEMO_MAX_CHARS = 128;
    /**
     * At most this share (one in so many) of the remembered names may have candidates: those keep their prepared name
     * and candidates, the rest only their text. Most names of a file have none.
     */
    static final int MEMO_FOUND_SHARE = 10;

    private Named computeNamed(String name, PartyType type) {
        ScorableName prepared = registry.prepare(name, type);
        if (prepared.size() == 0) {
            return NOTHING;
        }
        int[] ids = candidates.candidates(prepared, TypeGroup.of(type), minNameScore);
        int[] kept = new int[ids.length];
        double[] scores = new double[ids.length];
        int count = 0;
        for (int id : ids) {
            double nameScore = scorer.nameScore(prepared, registry.name(id).scorable());
            if (!belowReview(nameScore)) {
                kept[count] = id;
                scores[count++] = nameScore;
            }
        }
        return count == 0 ? NOTHING
                : new Named(prepared, Arrays.copyOf(kept, count), Arrays.copyOf(scores, count));
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
        if (limit <= 0) {
            return List.of();
        }
        Named found = named(query.name(), query.type());
        if (found.names().length == 0) {
            return List.of();
        }
        ScorableName prepared = found.prepared();
        QueryAttributes attributes = query.attributes();
        Map<Integer, Scored> bestByParty = new HashMap<>();
        for (int k = 0; k < found.names().length; k++) {
            Scored s = score(prepared, attributes, found.names()[k], found.nameScores()[k]);
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
        return named(query.name(), query.type()).names().length > 0;
    }

    /** A name score that cannot reach the review threshold whatever the attributes add. */
    private boolean belowReview(double nameScore) {
        return nameScore + MatchScorer.MAX_BONUS < policy.reviewThreshold();
    }

    /**
     * The final score of one list name given its name score (one that may reach the review threshold), or null when
     * it does not reach it.
     */
    private Scored score(ScorableName prepared, QueryAttributes attributes, int nameOrdinal, double nameScore) {
        IndexedName name = registry.name(nameOrdinal);
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
