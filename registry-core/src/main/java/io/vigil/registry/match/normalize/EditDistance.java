package io.vigil.registry.match.normalize;

/**
 * Optimal-string-alignment distance (Levenshtein plus swaps of adjacent letters), bounded: the distance when it is
 * at most {@code limit}, else -1. Runs in O(length × limit).
 *
 * <p>Example: {@code atMost("corporation", "corportaion", 2)} → 1; {@code atMost("kim", "park", 1)} → -1.
 */
public final class EditDistance {

    private EditDistance() {
    }

    public static int atMost(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return -1;
        }
        // one edit: outside the common prefix and suffix lie at most two letters (a swap)
        int prefix = 0;
        while (prefix < n && prefix < m && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a.charAt(n - 1 - suffix) == b.charAt(m - 1 - suffix)) {
            suffix++;
        }
        if (limit <= 1 && Math.max(n, m) - prefix - suffix > 2 * limit) {
            return -1;
        }
        if (prefix + suffix == n && n == m) {
            return 0;
        }
        int big = limit + 1;
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j <= limit ? j : big;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            cur[0] = i <= limit ? i : big;
            if (from > 1) {
                cur[from - 1] = big;
            }
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = from; j <= to; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = Math.min(v, big);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < m) {
                cur[to + 1] = big;
            }
            if (rowMin > limit) {
                return -1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m] <= limit ? prev[m] : -1;
    }
}
