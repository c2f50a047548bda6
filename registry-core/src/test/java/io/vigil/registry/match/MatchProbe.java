package io.vigil.registry.match;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A developer's probe: reads lines {@code query[TAB expected id]} from standard input and prints the top hits of
 * each against the evaluation registry ({@link RealRegistry}) with their explanations, down to score 40.
 */
public final class MatchProbe {

    private MatchProbe() {
    }

    public static void main(String[] args) throws Exception {
        NameMatcher matcher = NameMatchers.indexed(RealRegistry.get(), new MatchPolicy(100, 40));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            List<MatchHit> hits = matcher.search(MatchQuery.of(f[0]), 20);
            System.out.println("== " + f[0] + (f.length > 1 ? "  (expected " + f[1] + ")" : ""));
            int shown = 0;
            for (MatchHit h : hits) {
                boolean expected = f.length > 1 && (h.partyId().equals(f[1]) || h.linkedIds().contains(f[1]));
                if (shown < 3 || expected) {
                    System.out.println((expected ? " * " : "   ") + h.partyId() + " " + h.score() + " "
                            + h.explanation().summary());
                    shown++;
                }
            }
        }
    }
}
