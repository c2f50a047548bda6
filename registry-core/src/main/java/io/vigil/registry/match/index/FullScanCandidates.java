package io.vigil.registry.match.index;

import io.vigil.registry.match.score.ScorableName;

/**
 * The brute-force baseline: every name of the admitted type is a candidate, the way a scanning screener compares
 * each query with the whole list. Used to measure the index and to check that it loses no hit.
 */
public final class FullScanCandidates implements CandidateIndex {

    private final IndexedRegistry registry;

    public FullScanCandidates(IndexedRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int[] candidates(ScorableName query, TypeGroup type, double minNameScore) {
        int[] out = new int[registry.names().size()];
        int n = 0;
        for (IndexedName name : registry.names()) {
            if (name.typeGroup().admits(type)) {
                out[n++] = name.ordinal();
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
