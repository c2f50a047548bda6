package io.vigil.registry.match.index;

import io.vigil.registry.match.normalize.NamePartRoles;
import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.score.NameSimilarity;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.match.score.TokenSimilarity;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The candidate index: an inverted index from list tokens (and joined pairs) to names, reached from each query
 * token through the {@link TokenDictionary} lookups (text, romanization keys, skeletons, deletion neighbourhood,
 * trigrams). For each name it accumulates an upper bound of the name score the scorer could give — for each query
 * token, its best similarity to any token of the name, weighted on the query side by the query token's weight and
 * on the list side by the list token's — and keeps the names whose bound reaches the minimum. Query tokens are
 * visited from the heaviest; once the tokens left cannot lift a name seen for the first time to the minimum, only
 * names already seen are updated (by binary search in the postings when that is cheaper), so a common token
 * ({@code mohammed}, {@code kim}) never drags in thousands of names on its own.
 *
 * <p>Cost per query follows the postings of the query's tokens, not the size of the registry. Thread-safe: the
 * index is immutable and the scratch arrays are per thread.
 */
public final class InvertedCandidateIndex implements CandidateIndex {

    private static final TypeGroup[] GROUPS = TypeGroup.values();

    private final TokenDictionary dictionary;
    private final TokenSimilarity similarity;
    private final byte[] typeGroups;
    private final float[] listTotals;
    /** {@link #listTotals} when the query has a married name: a second family name may then be dropped too. */
    private final float[] listTotalsAgainstMarried;
    /** Per list name, whether it has a married name: the query's second family name may then be dropped too. */
    private final boolean[] married;
    private final float[] listWeightBounds;
    private final ThreadLocal<Scratch> scratch;
    /**
     * The similar dictionary tokens of each query token already looked up: screening files repeat the same names,
     * so each token's lookups run once. Bounded; past the bound lookups run every time. Results are identical
     * either way.
     */
    private final ConcurrentHashMap<String, Expansion> expansions = new ConcurrentHashMap<>();
    private final int expansionLimit;

    /** The dictionary tokens similar to one query token, with their similarities. */
    private record Expansion(int[] ids, float[] sims) {
    }

    /** With at most {@code cachedTokens} query tokens' lookups remembered (0: none). */
    public InvertedCandidateIndex(IndexedRegistry registry, TokenSimilarity similarity, int cachedTokens) {
        this.expansionLimit = cachedTokens;
        this.dictionary = registry.dictionary();
        this.similarity = similarity;
        int n = registry.names().size();
        this.typeGroups = new byte[n];
        this.listTotals = new float[n];
        this.listTotalsAgainstMarried = new float[n];
        this.married = new boolean[n];
        for (IndexedName name : registry.names()) {
            typeGroups[name.ordinal()] = (byte) name.typeGroup().ordinal();
            // the least total a list name is scored against: a person's middle names, married name, and (against a
            // query with a married name) second family name may count at a reduced weight
            ScorableName s = name.scorable();
            boolean person = s.normalized().person();
            listTotals[name.ordinal()] = person ? s.minTotalWeight(false) : s.totalWeight();
            listTotalsAgainstMarried[name.ordinal()] = person ? s.minTotalWeight(true) : s.totalWeight();
            married[name.ordinal()] = person && s.hasMarriedName();
        }
        int tokens = dictionary.size();
        // a token's weight in any list name is at most its rarity weight times the share its word role keeps
        // (particle, patronymic, generic organization word: the same in every name); positional roles (middle
        // names) can only lower it further
        this.listWeightBounds = new float[tokens];
        NamePartRoles roles = NamePartRoles.standard();
        for (int id = 0; id < tokens; id++) {
            listWeightBounds[id] = dictionary.listWeightBound(id) * roles.factor(dictionary.token(id).text());
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n, tokens));
    }

    @Override
    public int[] candidates(ScorableName query, TypeGroup type, double minNameScore) {
        int n = query.size();
        if (n == 0) {
            return new int[0];
        }
        Scratch s = scratch.get();
        s.begin();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(query.weight(b), query.weight(a)));
        // the least total the query is scored against (its middle names may count at a reduced weight, and against
        // a list name with a married name its second family name), so that the coverages below stay upper bounds
        double plainTotal = query.minTotalWeight(false);
        double total = query.minTotalWeight(true);
        float[] against = query.hasMarriedName() ? listTotalsAgainstMarried : listTotals;
        double remaining = query.totalWeight();
        double needed = minNameScore / 100.0 - 1e-6;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            // a name first seen now has at most the remaining query weight, and at most its whole list weight
            boolean admitNew = NameSimilarity.QUERY_SHARE * remaining / total + NameSimilarity.LIST_SHARE >= needed;
            remaining -= query.weight(i);
            s.beginToken();
            visit(query.token(i), s, type, admitNew);
            if (i > 0 && query.joined(i - 1) != null) {
                visit(query.joined(i - 1), s, type, admitNew);
            }
            if (query.joined(i) != null) {
                visit(query.joined(i), s, type, admitNew);
            }
            s.endToken(query.weight(i));
        }
        int[] out = new int[s.touchedCount];
        int count = 0;
        for (int t = 0; t < s.touchedCount; t++) {
            int name = s.touched[t];
            double queryBound = s.queryCoverage[name] / (married[name] ? total : plainTotal);
            double listBound = Math.min(1.0, s.listCoverage[name] / against[name]);
            if (NameSimilarity.QUERY_SHARE * queryBound + NameSimilarity.LIST_SHARE * listBound >= needed) {
                out[count++] = name;
            }
        }
        out = Arrays.copyOf(out, count);
        Arrays.sort(out);
        return out;
    }

    /** A name is offered only through a dictionary token similar to a query token: none, no candidate. */
    @Override
    public boolean reaches(NameToken token) {
        return expand(token, scratch.get()).ids().length > 0;
    }

    /**
     * The names {@link #visit} offers through the token, whatever the query's type, each with the greatest
     * similarity ({@code tokenBest}) and the greatest similarity times list weight bound ({@code tokenBestList}) over
     * the name's similar dictionary tokens, the latter divided by the name's {@code listTotals}: what {@link
     * #candidates} credits the name with at most for one query token visiting this token.
     */
    @Override
    public NameReach nameReach(NameToken token) {
        Expansion e = expand(token, scratch.get());
        if (e.ids().length == 0) {
            return NameReach.NONE;
        }
        java.util.TreeMap<Integer, float[]> best = new java.util.TreeMap<>();
        for (int k = 0; k < e.ids().length; k++) {
            int id = e.ids()[k];
            float sim = e.sims()[k];
            float list = sim * listWeightBounds[id];
            for (int name : dictionary.postings(id)) {
                float[] b = best.computeIfAbsent(name, x -> new float[2]);
                b[0] = Math.max(b[0], sim);
                b[1] = Math.max(b[1], list);
            }
        }
        int[] names = new int[best.size()];
        float[] sims = new float[names.length];
        double[] shares = new double[names.length];
        int i = 0;
        for (var entry : best.entrySet()) {
            names[i] = entry.getKey();
            sims[i] = entry.getValue()[0];
            float total = listTotalsAgainstMarried[names[i]]; // the least, whatever the query
            shares[i] = total > 0 ? entry.getValue()[1] / (double) total : Double.POSITIVE_INFINITY;
            i++;
        }
        return NameReach.of(names, sims, shares);
    }

    private Expansion expand(NameToken token, Scratch s) {
        String key = null;
        if (expansionLimit > 0) {
            key = TokenDictionary.identity(token);
            Expansion cached = expansions.get(key);
            if (cached != null) {
                return cached;
            }
        }
        s.ids.clear();
        s.sims.clear();
        dictionary.similarTokens(token, similarity, s.ids, s.sims, s.seen, s.trigramCounts);
        int[] ids = new int[s.ids.size()];
        float[] sims = new float[ids.length];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = s.ids.get(k);
            sims[k] = s.sims.get(k);
        }
        Expansion e = new Expansion(ids, sims);
        if (key != null && expansions.size() < expansionLimit) {
            expansions.putIfAbsent(key, e);
        }
        return e;
    }

    private void visit(NameToken token, Scratch s, TypeGroup type, boolean admitNew) {
        Expansion e = expand(token, s);
        for (int k = 0; k < e.ids().length; k++) {
            int id = e.ids()[k];
            float sim = e.sims()[k];
            float listWeight = listWeightBounds[id];
            int[] postings = dictionary.postings(id);
            if (!admitNew && postings.length > 8 * s.touchedCount) {
                // only names already seen can still qualify: look each of them up
                for (int t = 0; t < s.touchedCount; t++) {
                    int name = s.touched[t];
                    if (Arrays.binarySearch(postings, name) >= 0) {
                        s.offer(name, sim, listWeight);
                    }
                }
                continue;
            }
            for (int name : postings) {
                if (!GROUPS[typeGroups[name]].admits(type)) {
                    continue;
                }
                if (!admitNew && s.seenStamp[name] != s.queryStamp) {
                    continue;
                }
                s.offer(name, sim, listWeight);
            }
        }
    }

    /** Per-thread working arrays, reset in O(names touched). */
    private static final class Scratch {
        final float[] queryCoverage;
        final float[] listCoverage;
        final float[] tokenBest;
        final float[] tokenBestList;
        final int[] seenStamp;
        final int[] tokenStamp;
        final int[] touched;
        int touchedCount;
        final int[] tokenTouched;
        int tokenTouchedCount;
        int queryStamp;
        int tokenStampValue;
        final int[] trigramCounts;
        final TokenDictionary.IntList ids = new TokenDictionary.IntList();
        final TokenDictionary.FloatList sims = new TokenDictionary.FloatList();
        final TokenDictionary.IntSet seen = new TokenDictionary.IntSet();

        Scratch(int names, int tokens) {
            queryCoverage = new float[names];
            listCoverage = new float[names];
            tokenBest = new float[names];
            tokenBestList = new float[names];
            seenStamp = new int[names];
            tokenStamp = new int[names];
            touched = new int[names];
            tokenTouched = new int[names];
            trigramCounts = new int[tokens];
        }

        void begin() {
            queryStamp++;
            touchedCount = 0;
        }

        void beginToken() {
            tokenStampValue++;
            tokenTouchedCount = 0;
        }

        void offer(int name, float sim, float listWeight) {
            if (seenStamp[name] != queryStamp) {
                seenStamp[name] = queryStamp;
                queryCoverage[name] = 0;
                listCoverage[name] = 0;
                touched[touchedCount++] = name;
            }
            float list = sim * listWeight;
            if (tokenStamp[name] != tokenStampValue) {
                tokenStamp[name] = tokenStampValue;
                tokenBest[name] = sim;
                tokenBestList[name] = list;
                tokenTouched[tokenTouchedCount++] = name;
            } else {
                tokenBest[name] = Math.max(tokenBest[name], sim);
                tokenBestList[name] = Math.max(tokenBestList[name], list);
            }
        }

        void endToken(float weight) {
            for (int t = 0; t < tokenTouchedCount; t++) {
                int name = tokenTouched[t];
                queryCoverage[name] += weight * tokenBest[name];
                listCoverage[name] += tokenBestList[name];
            }
        }
    }
}
