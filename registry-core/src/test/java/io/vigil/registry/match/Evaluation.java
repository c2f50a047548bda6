package io.vigil.registry.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Screens one labelled set (positives and negatives) once and keeps, per positive, the best score of the expected
 * party (or one linked to it) among the top hits, and per negative its top score; from those, recall and the
 * alerting share at any threshold. The matcher runs with the review threshold at {@value #FLOOR} and no alert
 * threshold, so every score at or above the floor is seen.
 */
final class Evaluation {

    /** The lowest score kept: below it, a positive counts as missed at every threshold the curve shows. */
    static final double FLOOR = 50;

    record Scored(EvaluationSet.Case c, double score, String top) {
    }

    /** The category suffix of positives that share no word with the party's names (see UnseenSetGenerator). */
    static final String OTHER_NAME = "-other-name";

    final String name;
    final List<Scored> positives = new ArrayList<>();
    final List<Scored> negatives = new ArrayList<>();

    Evaluation(String name, NameMatcher matcher, List<EvaluationSet.Case> pos, List<EvaluationSet.Case> neg) {
        this.name = name;
        for (EvaluationSet.Case c : pos) {
            List<MatchHit> hits = matcher.search(c.query(), 10);
            double best = -1;
            for (MatchHit h : hits) {
                if (h.partyId().equals(c.expected()) || h.linkedIds().contains(c.expected())) {
                    best = Math.max(best, h.score());
                }
            }
            positives.add(new Scored(c, best, hits.isEmpty() ? "no hit"
                    : hits.get(0).partyId() + " " + hits.get(0).score() + " " + hits.get(0).matchedName().fullName()));
        }
        for (EvaluationSet.Case c : neg) {
            List<MatchHit> hits = matcher.search(c.query(), 1);
            negatives.add(new Scored(c, hits.isEmpty() ? -1 : hits.get(0).score(), hits.isEmpty() ? "no hit"
                    : hits.get(0).partyId() + " " + hits.get(0).score() + " " + hits.get(0).matchedName().fullName()));
        }
    }

    /** A matcher that reports every score from {@link #FLOOR} up. */
    static NameMatcher sweeping(io.vigil.registry.match.index.IndexedRegistry registry) {
        return NameMatchers.indexed(registry, new MatchPolicy(100, FLOOR));
    }

    double recall(double threshold) {
        return 100.0 * positives.stream().filter(s -> s.score() >= threshold).count() / positives.size();
    }

    /** Recall over the positives whose category does not end with {@code suffix}. */
    double recallExcluding(double threshold, String suffix) {
        List<Scored> kept = positives.stream().filter(s -> !s.c().category().endsWith(suffix)).toList();
        return kept.isEmpty() ? 0 : 100.0 * kept.stream().filter(s -> s.score() >= threshold).count() / kept.size();
    }

    double alerting(double threshold) {
        return 100.0 * negatives.stream().filter(s -> s.score() >= threshold).count() / negatives.size();
    }

    /** Recall by category at a threshold: category → {found, total}. */
    Map<String, int[]> byCategory(double threshold) {
        Map<String, int[]> out = new TreeMap<>();
        for (Scored s : positives) {
            int[] v = out.computeIfAbsent(s.c().category(), k -> new int[2]);
            v[1]++;
            if (s.score() >= threshold) {
                v[0]++;
            }
        }
        return out;
    }

    /** Negatives alerting by locale at a threshold: locale → {alerting, total}. */
    Map<String, int[]> negativesByLocale(double threshold) {
        Map<String, int[]> out = new TreeMap<>();
        for (Scored s : negatives) {
            int[] v = out.computeIfAbsent(s.c().category(), k -> new int[2]);
            v[1]++;
            if (s.score() >= threshold) {
                v[0]++;
            }
        }
        return out;
    }

    /** The report quoted in docs/matching.md: totals, by category, misses and alerting negatives. */
    String report(MatchPolicy policy) {
        double a = policy.alertThreshold();
        double r = policy.reviewThreshold();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: positives %d, recall at alert %.2f%% (review or alert %.2f%%); "
                + "negatives %d, alerting %.2f%% (review or alert %.2f%%)%n", name, positives.size(), recall(a),
                recall(r), negatives.size(), alerting(a), alerting(r)));
        if (positives.stream().anyMatch(s -> s.c().category().endsWith(OTHER_NAME))) {
            sb.append(String.format(Locale.ROOT, "  without the %s rows: recall at alert %.2f%% (review or alert "
                    + "%.2f%%)%n", OTHER_NAME, recallExcluding(a, OTHER_NAME), recallExcluding(r, OTHER_NAME)));
        }
        byCategory(a).forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-24s %5d / %5d  %6.2f%%%n", k,
                v[0], v[1], 100.0 * v[0] / v[1])));
        negativesByLocale(a).forEach((k, v) -> sb.append(String.format(Locale.ROOT,
                "  negatives %-14s %4d / %5d alerting  %5.2f%%%n", k, v[0], v[1], 100.0 * v[0] / v[1])));
        for (Scored s : positives) {
            if (s.score() < a) {
                sb.append(String.format(Locale.ROOT, "  miss %s\t%s\t%s\t%.1f\ttop %s%n", s.c().category(),
                        s.c().query().name(), s.c().expected(), s.score(), s.top()));
            }
        }
        for (Scored s : negatives) {
            if (s.score() >= a) {
                sb.append(String.format(Locale.ROOT, "  alert %s\t%s\t%s%n", s.c().category(), s.c().query().name(),
                        s.top()));
            }
        }
        return sb.toString();
    }
}
