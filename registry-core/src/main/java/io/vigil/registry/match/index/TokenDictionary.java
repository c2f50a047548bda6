package io.vigil.registry.match.index;

import io.vigil.registry.match.normalize.Consonants;
import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.score.TokenSimilarity;
import io.vigil.registry.match.score.TokenWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.vigil.registry.match.score.RomanizedTokenSimilarity;

/**
 * Every distinct list token of a snapshot (and every joined pair of adjacent short tokens) with its postings (the
 * names that contain it), and the lookup tables that find, for a query token, every dictionary token it can be
 * similar to: same text, shared romanization key, same transliteration skeleton, same consonant skeleton (Arabic
 * script), one edit away (deletion neighbourhood) or two edits away (character trigrams) — exactly the relations
 * under which {@link RomanizedTokenSimilarity} can give a similarity above 0, so the lookups miss no token the
 * scorer would accept. Immutable after {@link Builder#build}; thread-safe.
 *
 * <p>Also the source of token weights ({@link TokenStatistics}): its own names' statistics, or statistics pinned
 * from another snapshot so that the weights stay those of a basis snapshot (see {@link IndexedRegistry#build}).
 */
final class TokenDictionary implements TokenWeights {

    private static final int[] NONE = new int[0];
    /** The shortest tokens the scorer lets differ by one edit (their deletion neighbourhood is indexed). */
    static final int FUZZY_MIN_LENGTH = RomanizedTokenSimilarity.ONE_EDIT_MIN_LENGTH;
    /** The shortest tokens the scorer lets differ by two edits (their trigrams are indexed). */
    static final int TRIGRAM_MIN_LENGTH = RomanizedTokenSimilarity.TWO_EDITS_MIN_LENGTH;
    static final int VOWEL_INSERTION_LENGTH = RomanizedTokenSimilarity.VOWEL_INSERTION_LENGTH;
    /**
     * The longest tokens whose deletion neighbourhood and trigrams are indexed or looked up. A deletion
     * neighbourhood costs the square of the token's length, so a hostile token of megabytes must never reach it.
     * List tokens are far shorter (the longest real one has about 30 letters); a query token longer than the
     * longest list token by more than two letters cannot be one or two edits from any of them, so past that the
     * lookups are skipped without losing a candidate.
     */
    public static final int MAX_FUZZY_LENGTH = 64;

    private final NameToken[] tokens;
    private final int[][] postings;
    private final int[] documentFrequency;
    /** The tokens that occur as a joined pair in some name. */
    private final java.util.BitSet joinedSomewhere;
    private final float[] listWeightBound;
    private final Map<String, int[]> byText;
    private final Map<String, int[]> byKey;
    /** The statistics of this dictionary's own names. */
    private final TokenStatistics statistics;
    /** Where the weights come from: the own statistics, or statistics pinned from another snapshot. */
    private final TokenWeights weights;
    private final Map<String, int[]> bySkeleton;
    private final Map<String, int[]> byConsonants;
    private final Map<String, int[]> byAbjadConsonants;
    /** Latin tokens written with a letter of romanized Arabic (RomanizedTokenSimilarity.arabicLetters), by consonants. */
    private final Map<String, int[]> byMarkedConsonants;
    /** The text and each one-deletion variant of every token long enough, hashed (see {@link HashedPostings}). */
    private final HashedPostings byDeletion;
    /** The trigrams of every token long enough, hashed. */
    private final HashedPostings byTrigram;
    /** The longest token with a deletion neighbourhood, and with trigrams, in the tables (0 when none). */
    private final int longestDeletable;
    private final int longestTrigrammed;

    private TokenDictionary(Builder b, boolean lookups, TokenStatistics pinned) {
        this(b.tokens.toArray(NameToken[]::new), sortedPostings(b), documentFrequencies(b),
                (java.util.BitSet) b.joinedSomewhere.clone(), ownStatistics(b), pinned, lookups);
    }

    /**
     * The dictionary from its parts: the tokens, their postings, the number of names each occurs in as a single
     * token, which ones occur as joined pairs, and the statistics of the names (see {@link IndexFile}). The lookup
     * tables are derived here.
     */
    TokenDictionary(NameToken[] tokens, int[][] postings, int[] documentFrequency, java.util.BitSet joinedSomewhere,
            TokenStatistics statistics, TokenStatistics pinned, boolean lookups) {
        this(tokens, postings, documentFrequency, joinedSomewhere, statistics, pinned, lookups, null);
    }

    /**
     * The fuzzy lookup tables of a dictionary: the hashed deletion neighbourhoods and trigrams, and the longest
     * token each covers. Derived from the tokens; stored in the index file so that loading need not hash and sort.
     */
    record FuzzyTables(HashedPostings deletions, HashedPostings trigrams, int longestDeletable,
            int longestTrigrammed) {
    }

    /** As above, with the fuzzy tables given ({@code fuzzy} not null) instead of derived. */
    TokenDictionary(NameToken[] tokens, int[][] postings, int[] documentFrequency, java.util.BitSet joinedSomewhere,
            TokenStatistics statistics, TokenStatistics pinned, boolean lookups, FuzzyTables fuzzy) {
        int size = tokens.length;
        this.tokens = tokens;
        this.postings = postings;
        this.documentFrequency = documentFrequency;
        this.joinedSomewhere = joinedSomewhere;
        Map<String, IntList> texts = new HashMap<>();
        for (int id = 0; id < size; id++) {
            texts.computeIfAbsent(tokens[id].text(), x -> new IntList()).add(id);
        }
        this.byText = freeze(texts);
        this.listWeightBound = new float[size];
        Map<String, IntList> keys = new HashMap<>();
        Map<String, IntList> skeletons = new HashMap<>();
        Map<String, IntList> consonants = new HashMap<>();
        Map<String, IntList> abjad = new HashMap<>();
        Map<String, IntList> marked = new HashMap<>();
        HashedPostings.Builder deletions = new HashedPostings.Builder();
        HashedPostings.Builder trigrams = new HashedPostings.Builder();
        int deletable = 0;
        int trigrammed = 0;
        for (int id = 0; id < size; id++) {
            NameToken t = tokens[id];
            for (String k : t.keys()) {
                keys.computeIfAbsent(k, x -> new IntList()).add(id);
            }
            skeletons.computeIfAbsent(t.skeleton(), x -> new IntList()).add(id);
            if (!t.consonants().isEmpty()) {
                if (t.fromAbjad()) {
                    // under each reading of its dh and th (Consonants.readings): a query meets it by any of them
                    for (String reading : Consonants.readings(t.consonants())) {
                        consonants.computeIfAbsent(reading, x -> new IntList()).add(id);
                        abjad.computeIfAbsent(reading, x -> new IntList()).add(id);
                    }
                } else {
                    consonants.computeIfAbsent(t.consonants(), x -> new IntList()).add(id);
                    if (t.consonants().length() >= RomanizedTokenSimilarity.LATIN_CONSONANTS_MIN
                            && RomanizedTokenSimilarity.arabicLetters(t.text())) {
                        marked.computeIfAbsent(t.consonants(), x -> new IntList()).add(id);
                    }
                }
            }
            String text = t.text();
            if (!lookups || fuzzy != null) {
                continue;
            }
            if (text.length() == VOWEL_INSERTION_LENGTH) {
                // only as itself: found from a query one letter longer (RomanizedTokenSimilarity.vowelInserted)
                deletions.add(HashedPostings.hashWithout(text, -1), id);
            }
            if (text.length() >= FUZZY_MIN_LENGTH && text.length() <= MAX_FUZZY_LENGTH) {
                deletable = Math.max(deletable, text.length());
                deletions.add(HashedPostings.hashWithout(text, -1), id);
                for (int i = 0; i < text.length(); i++) {
                    deletions.add(HashedPostings.hashWithout(text, i), id);
                }
            }
            if (text.length() >= TRIGRAM_MIN_LENGTH && text.length() <= MAX_FUZZY_LENGTH) {
                trigrammed = Math.max(trigrammed, text.length());
                String padded = "^" + text + "$";
                for (int i = 0; i + 3 <= padded.length(); i++) {
                    trigrams.add(HashedPostings.hashRange(padded, i, i + 3), id);
                }
            }
        }
        this.longestDeletable = fuzzy != null ? fuzzy.longestDeletable() : deletable;
        this.longestTrigrammed = fuzzy != null ? fuzzy.longestTrigrammed() : trigrammed;
        this.byKey = freeze(keys);
        this.bySkeleton = freeze(skeletons);
        this.byConsonants = freeze(consonants);
        this.byAbjadConsonants = freeze(abjad);
        this.byMarkedConsonants = freeze(marked);
        this.byDeletion = fuzzy != null ? fuzzy.deletions() : deletions.build();
        this.byTrigram = fuzzy != null ? fuzzy.trigrams() : trigrams.build();
        this.statistics = statistics;
        this.weights = pinned != null ? pinned : statistics;
        for (int id = 0; id < size; id++) {
            // a joined pair weighs its two tokens together: no single-token bound holds for it
            listWeightBound[id] = joinedSomewhere.get(id) ? Float.POSITIVE_INFINITY : weight(tokens[id]);
        }
    }

    private static int[][] sortedPostings(Builder b) {
        int[][] out = new int[b.tokens.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.postings.get(i).toSortedUniqueArray();
        }
        return out;
    }

    private static int[] documentFrequencies(Builder b) {
        int[] out = new int[b.tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.singleFrequency.get(i).toSortedUniqueArray().length;
        }
        return out;
    }

    /** Names per token text, and per romanization key, counting single tokens only. */
    private static TokenStatistics ownStatistics(Builder b) {
        int size = b.tokens.size();
        Map<String, IntList> textNames = new HashMap<>();
        Map<String, IntList> keyNames = new HashMap<>();
        for (int id = 0; id < size; id++) {
            NameToken t = b.tokens.get(id);
            textNames.computeIfAbsent(t.text(), x -> new IntList()).addAll(b.singleFrequency.get(id));
            if (b.singleFrequency.get(id).size() > 0) {
                for (String k : t.keys()) {
                    keyNames.computeIfAbsent(k, x -> new IntList()).addAll(b.singleFrequency.get(id));
                }
            }
        }
        Map<String, Integer> tf = new HashMap<>();
        textNames.forEach((k, v) -> tf.put(k, v.toSortedUniqueArray().length));
        Map<String, Integer> kf = new HashMap<>();
        keyNames.forEach((k, v) -> kf.put(k, v.toSortedUniqueArray().length));
        return new TokenStatistics(tf, kf, b.nameCount);
    }

    FuzzyTables fuzzyTables() {
        return new FuzzyTables(byDeletion, byTrigram, longestDeletable, longestTrigrammed);
    }

    int[] documentFrequencies() {
        return documentFrequency;
    }

    boolean joinedSomewhere(int id) {
        return joinedSomewhere.get(id);
    }

    /** At least the weight this token carries in any list name that contains it (infinite for joined pairs). */
    float listWeightBound(int id) {
        return listWeightBound[id];
    }

    private static Map<String, int[]> freeze(Map<String, IntList> m) {
        Map<String, int[]> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, v.toSortedUniqueArray()));
        return out;
    }

    int size() {
        return tokens.length;
    }

    NameToken token(int id) {
        return tokens[id];
    }

    int[] postings(int id) {
        return postings[id];
    }

    @Override
    public float weight(NameToken token) {
        return weights.weight(token);
    }

    /** The statistics of this dictionary's own names (whatever the weights are pinned to). */
    TokenStatistics statistics() {
        return statistics;
    }

    /**
     * Every dictionary token similar to {@code query} (similarity above 0 under {@code similarity}), with that
     * similarity, appended to {@code ids}/{@code sims}.
     */
    void similarTokens(NameToken query, TokenSimilarity similarity, IntList ids, FloatList sims, IntSet seen,
            int[] trigramCounts) {
        seen.clear();
        offerAll(byText.get(query.text()), query, similarity, ids, sims, seen);
        for (String k : query.keys()) {
            offerAll(byKey.get(k), query, similarity, ids, sims, seen);
        }
        offerAll(bySkeleton.get(query.skeleton()), query, similarity, ids, sims, seen);
        String consonants = query.consonants();
        if (!consonants.isEmpty()) {
            if (query.fromAbjad()) {
                for (String reading : Consonants.readings(consonants)) {
                    offerAll(byConsonants.get(reading), query, similarity, ids, sims, seen);
                }
            } else {
                offerAll(byAbjadConsonants.get(consonants), query, similarity, ids, sims, seen);
                // a Latin query meets Latin list tokens by consonants too when one of the two is written with a letter
                // of romanized Arabic (RomanizedTokenSimilarity.latinConsonantsAgree): every such token when the
                // query is, else only the list tokens that are
                if (consonants.length() >= RomanizedTokenSimilarity.LATIN_CONSONANTS_MIN) {
                    offerAll(RomanizedTokenSimilarity.arabicLetters(query.text()) ? byConsonants.get(consonants)
                            : byMarkedConsonants.get(consonants), query, similarity, ids, sims, seen);
                }
            }
        }
        String text = query.text();
        // one edit changes the length by at most one, two edits by at most two
        if (text.length() == VOWEL_INSERTION_LENGTH) {
            // a list token one letter longer that holds this one (its deletions are indexed)
            offerHashed(byDeletion, HashedPostings.hashWithout(text, -1), query, similarity, ids, sims, seen);
        }
        if (text.length() >= FUZZY_MIN_LENGTH && text.length() <= Math.min(MAX_FUZZY_LENGTH, longestDeletable + 1)) {
            offerHashed(byDeletion, HashedPostings.hashWithout(text, -1), query, similarity, ids, sims, seen);
            for (int i = 0; i < text.length(); i++) {
                offerHashed(byDeletion, HashedPostings.hashWithout(text, i), query, similarity, ids, sims, seen);
            }
        }
        if (text.length() >= TRIGRAM_MIN_LENGTH && text.length() <= Math.min(MAX_FUZZY_LENGTH,
                longestTrigrammed + 2)) {
            trigramNeighbours(query, similarity, ids, sims, seen, trigramCounts);
        }
    }

    /**
     * Tokens two edits away: each edit changes at most three of a token's trigrams, so such a token shares at least
     * {@code trigrams - 6} of the query's. {@code counts} is per-thread scratch, one slot per dictionary token, left
     * all zero.
     */
    private void trigramNeighbours(NameToken query, TokenSimilarity similarity, IntList ids, FloatList sims,
            IntSet seen, int[] counts) {
        String padded = "^" + query.text() + "$";
        int grams = padded.length() - 2;
        int needed = Math.max(1, grams - 6);
        IntList touched = new IntList();
        long[] packed = byTrigram.packed;
        for (int g = 0; g < grams; g++) {
            long key = HashedPostings.hashRange(padded, g, g + 3);
            for (int k = byTrigram.first(key); k < packed.length && packed[k] >>> HashedPostings.ID_BITS == key; k++) {
                int id = (int) (packed[k] & HashedPostings.ID_MASK);
                if (counts[id]++ == 0) {
                    touched.add(id);
                }
            }
        }
        for (int t = 0; t < touched.size(); t++) {
            int id = touched.get(t);
            if (counts[id] >= needed) {
                offer(id, query, similarity, ids, sims, seen);
            }
            counts[id] = 0;
        }
    }

    private void offerHashed(HashedPostings postings, long hash, NameToken query, TokenSimilarity similarity,
            IntList ids, FloatList sims, IntSet seen) {
        long[] packed = postings.packed;
        for (int k = postings.first(hash); k < packed.length && packed[k] >>> HashedPostings.ID_BITS == hash; k++) {
            offer((int) (packed[k] & HashedPostings.ID_MASK), query, similarity, ids, sims, seen);
        }
    }

    /**
     * Postings keyed by a 40-bit hash of a string (a deletion variant, a trigram) instead of the string itself:
     * one sorted {@code long[]} of {@code hash << 24 | token id}, built without making a string per variant. Two
     * strings with the same hash share postings; that only offers a token to the similarity check that decides
     * anyway (a token is kept only if its similarity is above 0), so no similar token is ever missed and no
     * dissimilar one kept.
     */
    static final class HashedPostings {
        static final int ID_BITS = 24;
        static final long ID_MASK = (1L << ID_BITS) - 1;
        final long[] packed;

        private HashedPostings(long[] packed) {
            this.packed = packed;
        }

        /**
         * Postings read back from a stored dictionary of {@code tokens} tokens; refused unless sorted, without
         * repeats, non-negative and naming only those tokens.
         */
        static HashedPostings of(long[] packed, int tokens) {
            for (int i = 0; i < packed.length; i++) {
                if (packed[i] < 0 || (packed[i] & ID_MASK) >= tokens || (i > 0 && packed[i] <= packed[i - 1])) {
                    throw new IllegalArgumentException("hashed postings out of order or out of range at " + i);
                }
            }
            return new HashedPostings(packed);
        }

        /** The first position whose hash is {@code hash}, or where it would be. */
        int first(long hash) {
            int lo = 0;
            int hi = packed.length;
            long target = hash << ID_BITS;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (packed[mid] < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The 40-bit hash of {@code s} without the character at {@code skip} (-1: the whole string). */
        static long hashWithout(String s, int skip) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                if (i != skip) {
                    h = (h ^ s.charAt(i)) * 0x100000001b3L;
                }
            }
            return finish(h);
        }

        /** The 40-bit hash of {@code s.substring(from, to)}. */
        static long hashRange(String s, int from, int to) {
            long h = 0xcbf29ce484222325L;
            for (int i = from; i < to; i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            return finish(h);
        }

        private static long finish(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return h >>> (ID_BITS + 1); // 39 bits: the packed value stays positive
        }

        static final class Builder {
            private long[] values = new long[1024];
            private int size;

            void add(long hash, int id) {
                if (id > ID_MASK) {
                    throw new IllegalStateException("more than " + ID_MASK + " dictionary tokens");
                }
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = hash << ID_BITS | id;
            }

            HashedPostings build() {
                long[] a = Arrays.copyOf(values, size);
                Arrays.sort(a);
                int n = 0;
                for (int i = 0; i < a.length; i++) {
                    if (i == 0 || a[i] != a[i - 1]) {
                        a[n++] = a[i];
                    }
                }
                return new HashedPostings(n == a.length ? a : Arrays.copyOf(a, n));
            }
        }
    }

    private void offerAll(int[] candidates, NameToken query, TokenSimilarity similarity, IntList ids, FloatList sims,
            IntSet seen) {
        if (candidates == null) {
            return;
        }
        for (int id : candidates) {
            offer(id, query, similarity, ids, sims, seen);
        }
    }

    private void offer(int id, NameToken query, TokenSimilarity similarity, IntList ids, FloatList sims,
            IntSet seen) {
        if (!seen.add(id)) {
            return;
        }
        double s = similarity.similarity(query, tokens[id]);
        if (s > 0) {
            ids.add(id);
            sims.add((float) s);
        }
    }

    /**
     * What a token's similarities depend on: its text, its keys and whether it came from Arabic script. Tokens with
     * the same text can differ in the rest ({@code al} from a Latin name and from an Arabic one), so the dictionary
     * keeps them apart.
     */
    static String identity(NameToken token) {
        String[] keys = token.keys();
        if (keys.length == 0) {
            return token.fromAbjad() ? token.text() + "\u0001" : token.text();
        }
        Arrays.sort(keys);
        return token.text() + (token.fromAbjad() ? "\u0001" : "") + "\u0000" + String.join("\u0000", keys);
    }

    /** Collects the tokens of every list name; {@link #build} freezes them. */
    static final class Builder {
        private final List<NameToken> tokens = new ArrayList<>();
        private final List<IntList> postings = new ArrayList<>();
        private final List<IntList> singleFrequency = new ArrayList<>();
        private final Map<String, Integer> byIdentity = new HashMap<>();
        private final java.util.BitSet joinedSomewhere = new java.util.BitSet();
        private int nameCount;

        /** Adds a token of name {@code nameOrdinal}; {@code single} is false for a joined pair. */
        void add(NameToken token, int nameOrdinal, boolean single) {
            String identity = identity(token);
            Integer id = byIdentity.get(identity);
            if (id == null) {
                id = tokens.size();
                byIdentity.put(identity, id);
                tokens.add(token);
                postings.add(new IntList());
                singleFrequency.add(new IntList());
            }
            postings.get(id).add(nameOrdinal);
            if (single) {
                singleFrequency.get(id).add(nameOrdinal);
            } else {
                joinedSomewhere.set(id);
            }
            nameCount = Math.max(nameCount, nameOrdinal + 1);
        }

        TokenDictionary build() {
            return new TokenDictionary(this, true, null);
        }

        /** Weights from {@code pinned} instead of this dictionary's own statistics (when not null). */
        TokenDictionary build(TokenStatistics pinned) {
            return new TokenDictionary(this, true, pinned);
        }

        /** Only the statistics (weights): no fuzzy lookup tables. */
        TokenDictionary buildWeightsOnly() {
            return new TokenDictionary(this, false, null);
        }
    }

    /** Minimal growable int array. */
    static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(IntList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        int get(int i) {
            return values[i];
        }

        void clear() {
            size = 0;
        }

        int[] toSortedUniqueArray() {
            int[] a = Arrays.copyOf(values, size);
            Arrays.sort(a);
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                if (i == 0 || a[i] != a[i - 1]) {
                    a[n++] = a[i];
                }
            }
            return n == a.length ? a : Arrays.copyOf(a, n);
        }
    }

    /** Minimal growable float array. */
    static final class FloatList {
        private float[] values = new float[4];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }
    }

    /** Set of small non-negative ints, cleared in O(added). */
    static final class IntSet {
        private final java.util.BitSet bits = new java.util.BitSet();
        private final IntList added = new IntList();

        boolean add(int v) {
            if (bits.get(v)) {
                return false;
            }
            bits.set(v);
            added.add(v);
            return true;
        }

        void clear() {
            for (int i = 0; i < added.size(); i++) {
                bits.clear(added.get(i));
            }
            added.clear();
        }
    }
}
