package io.vigil.registry.match.index;

import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.match.score.TokenSimilarity;
import java.util.Arrays;

/**
 * The candidate index: an inverted index from list tokens (and joined pairs) to names, reached from each query
 * token through the {@link TokenDictionary} lookups (text, romanization keys, skeletons, deletion neighbourhood,
 * Double Metaphone, trigrams). For each name it accumulates an upper bound of the query coverage the scorer could
 * give — the query token's weight times its best similarity to any token of the name — and keeps the names whose
 * bound reaches the minimum. Query tokens are visited from the heaviest; once the tokens left cannot lift a name
 * seen for the first time to the minimum, only names already seen are updated, so a common token
 * ({@code mohammed}, {@code kim}) never drags in thousands of names on its own.
 *
 * <p>Cost per query follows the postings of the query's tokens, not the size of the registry. Thread-safe: the
 * index is immutable and the scratch arrays are per thread.
 */
public final class InvertedCandidateIndex implements CandidateIndex {

    private static final TypeGroup[] GROUPS = TypeGroup.values();

    private final IndexedRegistry registry;
    private final TokenDictionary dictionary;
    private final TokenSimilarity similarity;
    private final byte[] typeGroups;
    private final ThreadLocal<Scratch> scratch;

    public InvertedCandidateIndex(IndexedRegistry registry, TokenSimilarity similarity) {
        this.registry = registry;
        this.dictionary = registry.dictionary();
        this.similarity = similarity;
        int n = registry.names().size();
        this.typeGroups = new byte[n];
        for (IndexedName name : registry.names()) {
            typeGroups[name.ordinal()] = (byte) name.typeGroup().ordinal();
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    @Override
    public int[] candidates(ScorableName query, TypeGroup type, double minQueryCoverage) {
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
        double total = query.totalWeight();
        double remaining = total;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            boolean admitNew = remaining / total >= minQueryCoverage;
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
        double needed = minQueryCoverage * total - 1e-6;
        int[] out = new int[s.touchedCount];
        int count = 0;
        for (int t = 0; t < s.touchedCount; t++) {
            int name = s.touched[t];
            if (s.coverage[name] >= needed) {
                out[count++] = name;
            }
        }
        out = Arrays.copyOf(out, count);
        Arrays.sort(out);
        return out;
    }

    private void visit(NameToken token, Scratch s, TypeGroup type, boolean admitNew) {
        s.ids.clear();
        s.sims.clear();
        dictionary.similarTokens(token, similarity, s.ids, s.sims, s.seen);
        for (int k = 0; k < s.ids.size(); k++) {
            float sim = s.sims.get(k);
            for (int name : dictionary.postings(s.ids.get(k))) {
                if (!GROUPS[typeGroups[name]].admits(type)) {
                    continue;
                }
                if (!admitNew && s.seenStamp[name] != s.queryStamp) {
                    continue;
                }
                s.offer(name, sim);
            }
        }
    }

    /** Per-thread working arrays, reset in O(names touched). */
    private static final class Scratch {
        final float[] coverage;
        final float[] tokenBest;
        final int[] seenStamp;
        final int[] tokenStamp;
        final int[] touched;
        int touchedCount;
        final int[] tokenTouched;
        int tokenTouchedCount;
        int queryStamp;
        int tokenStampValue;
        final TokenDictionary.IntList ids = new TokenDictionary.IntList();
        final TokenDictionary.FloatList sims = new TokenDictionary.FloatList();
        final TokenDictionary.IntSet seen = new TokenDictionary.IntSet();

        Scratch(int names) {
            coverage = new float[names];
            tokenBest = new float[names];
            seenStamp = new int[names];
            tokenStamp = new int[names];
            touched = new int[names];
            tokenTouched = new int[names];
        }

        void begin() {
            queryStamp++;
            touchedCount = 0;
        }

        void beginToken() {
            tokenStampValue++;
            tokenTouchedCount = 0;
        }

        void offer(int name, float sim) {
            if (seenStamp[name] != queryStamp) {
                seenStamp[name] = queryStamp;
                coverage[name] = 0;
                touched[touchedCount++] = name;
            }
            if (tokenStamp[name] != tokenStampValue) {
                tokenStamp[name] = tokenStampValue;
                tokenBest[name] = sim;
                tokenTouched[tokenTouchedCount++] = name;
            } else if (sim > tokenBest[name]) {
                tokenBest[name] = sim;
            }
        }

        void endToken(float weight) {
            for (int t = 0; t < tokenTouchedCount; t++) {
                int name = tokenTouched[t];
                coverage[name] += weight * tokenBest[name];
            }
        }
    }
}
