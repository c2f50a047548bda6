package io.vigil.registry.match;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A developer's probe: single-thread queries per second of the indexed matcher over the evaluation queries. */
public final class ThroughputProbe {

    private ThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<MatchQuery> queries = new ArrayList<>();
        Path dir = Path.of("src/test/resources/io/vigil/registry/match/eval");
        for (String f : new String[] {"positives.tsv", "negatives.tsv"}) {
            for (String line : Files.readAllLines(dir.resolve(f))) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("category") || line.startsWith("locale")) {
                    continue;
                }
                queries.add(MatchQuery.of(line.split("\t", -1)[1]));
            }
        }
        java.util.Collections.shuffle(queries, new java.util.Random(1));
        var index = new io.vigil.registry.match.index.InvertedCandidateIndex(RealRegistry.get(),
                new io.vigil.registry.match.score.RomanizedTokenSimilarity(), 100_000);
        long[] count = new long[1];
        io.vigil.registry.match.index.CandidateIndex counting = (q, t, min) -> {
            int[] c = index.candidates(q, t, min);
            count[0] += c.length;
            return c;
        };
        NameMatcher countingMatcher = new ScoringNameMatcher(RealRegistry.get(), counting,
                io.vigil.registry.match.score.MatchScorer.standard(), MatchPolicy.defaults());
        for (MatchQuery q : queries) {
            countingMatcher.search(q, 10);
        }
        System.out.printf("candidates scored over %d queries: %d%n", queries.size(), count[0]);
        if (args.length > 0 && args[0].equals("count")) {
            return;
        }
        NameMatcher matcher = NameMatchers.indexed(RealRegistry.get(), MatchPolicy.defaults());
        int k = 0;
        long end = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < end) {
            matcher.search(queries.get(k++ % queries.size()), 10);
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            long start = System.nanoTime();
            long stop = start + 5_000_000_000L;
            int n = 0;
            while (System.nanoTime() < stop) {
                matcher.search(queries.get(k++ % queries.size()), 10);
                n++;
            }
            rates.add(n / ((System.nanoTime() - start) / 1e9));
        }
        List<Double> sorted = new ArrayList<>(rates);
        java.util.Collections.sort(sorted);
        System.out.printf("rounds %s; median %.0f q/s%n", rates.stream().map(r -> String.format("%.0f", r)).toList(),
                (sorted.get(2) + sorted.get(3)) / 2);
    }
}
