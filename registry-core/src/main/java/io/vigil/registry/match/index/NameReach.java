package io.vigil.registry.match.index;

/**
 * The list names one query token (or joined pair of tokens) can make candidates through a {@link CandidateIndex},
 * with what a candidate search credits each of them at most for that token: {@code sims[k]}, the greatest
 * similarity of the token to a token of name {@code names[k]} (the query side of the bound), and {@code shares[k]},
 * the greatest similarity times list weight bound of such a token divided by the least total the list name is
 * scored against (the list side). Names ascending. Immutable by convention: never modify the arrays.
 */
public record NameReach(int[] names, float[] sims, double[] shares, float maxSim, double maxShare) {

    /** Reaches nothing. */
    public static final NameReach NONE = of(new int[0], new float[0], new double[0]);

    /** With the greatest similarity and list share over all the names. */
    public static NameReach of(int[] names, float[] sims, double[] shares) {
        float maxSim = 0;
        double maxShare = 0;
        for (int k = 0; k < names.length; k++) {
            maxSim = Math.max(maxSim, sims[k]);
            maxShare = Math.max(maxShare, shares[k]);
        }
        return new NameReach(names, sims, shares, maxSim, maxShare);
    }

    public boolean isEmpty() {
        return names.length == 0;
    }
}
