package io.vigil.registry.match.eval;

import java.util.List;

/** The hand-written name pairs ({@code written-pairs.tsv}): kind, query, expected OFAC id. */
public final class WrittenPairs {

    private WrittenPairs() {
    }

    public static List<String[]> read() {
        return EvaluationSetGenerator.readTsv(EvaluationSetTests.DIR.resolve("written-pairs.tsv"), "kind");
    }
}
