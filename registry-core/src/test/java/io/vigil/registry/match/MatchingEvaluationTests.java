package io.vigil.registry.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.registry.match.index.IndexedRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation floors on the labelled sets, screened with the default thresholds against the OFAC registry (SDN and
 * non-SDN from ../shared/data/lists; the UN 2026 and UK 2018 lists are reserved for independent acceptance checks):
 * recall at least 99% on the first set's positives, at most 1% of the
 * negatives raising an alert, and the index agreeing with the brute-force baseline. The figures are written to
 * {@code target/matching-evaluation.txt} (quoted in docs/matching.md).
 */
class MatchingEvaluationTests {

    private static IndexedRegistry registry;
    private static NameMatcher matcher;

    @BeforeAll
    static void build() {
        registry = RealRegistry.get();
        matcher = NameMatchers.indexed(registry, MatchPolicy.defaults());
    }

    private static boolean finds(MatchHit hit, String expected) {
        return hit.partyId().equals(expected) || hit.linkedIds().contains(expected);
    }

    @Test
    void positives_recallAtTheAlertThreshold_atLeast99Percent() throws IOException {
        // given the labelled variants of listed names
        List<EvaluationSet.Case> cases = EvaluationSet.positives();
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int found = 0;
        int top1 = 0;
        // when each is screened
        for (EvaluationSet.Case c : cases) {
            List<MatchHit> hits = matcher.search(c.query(), 10);
            boolean alerted = hits.stream().anyMatch(h -> h.decision() == Decision.ALERT && finds(h, c.expected()));
            int[] counts = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
            counts[1]++;
            if (alerted) {
                found++;
                counts[0]++;
            } else {
                misses.add(c.category() + "\t" + c.query().name() + "\t" + c.expected() + "\t"
                        + (hits.isEmpty() ? "no hit" : hits.get(0).partyId() + " " + hits.get(0).score()));
            }
            if (!hits.isEmpty() && finds(hits.get(0), c.expected())) {
                top1++;
            }
        }
        double recall = 100.0 * found / cases.size();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "positives %d, alerted %d, recall %.2f%%, top-1 %.2f%%%n",
                cases.size(), found, recall, 100.0 * top1 / cases.size()));
        byCategory.forEach((k, v) -> report.append(String.format(Locale.ROOT, "  %-12s %5d / %5d  %.2f%%%n", k, v[0],
                v[1], 100.0 * v[0] / v[1])));
        misses.forEach(m -> report.append("  miss ").append(m).append('\n'));
        write("matching-evaluation-positives.txt", report.toString());
        // then at least 99% raise an alert for the expected party or one linked to it
        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(99.0);
        assertThat(cases).hasSizeGreaterThan(2000);
    }

    @Test
    void negatives_atMostOnePercentAlert() throws IOException {
        List<EvaluationSet.Case> cases = EvaluationSet.negatives();
        List<String> alerts = new ArrayList<>();
        int reviews = 0;
        for (EvaluationSet.Case c : cases) {
            List<MatchHit> hits = matcher.search(c.query(), 3);
            if (!hits.isEmpty() && hits.get(0).decision() == Decision.ALERT) {
                alerts.add(c.category() + "\t" + c.query().name() + "\t" + hits.get(0).partyId() + " "
                        + hits.get(0).score() + "\t" + hits.get(0).explanation().summary());
            } else if (!hits.isEmpty()) {
                reviews++;
            }
        }
        double rate = 100.0 * alerts.size() / cases.size();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "negatives %d, alerting %d (%.2f%%), review only %d (%.2f%%)%n", cases.size(), alerts.size(), rate,
                reviews, 100.0 * reviews / cases.size()));
        alerts.forEach(a -> report.append("  alert ").append(a).append('\n'));
        write("matching-evaluation-negatives.txt", report.toString());
        assertThat(rate).as(report.toString()).isLessThanOrEqualTo(1.0);
        assertThat(cases).hasSizeGreaterThan(5000);
    }

    @Test
    void index_agreesWithBruteForceOnASampleOfTheSet() {
        // given every 25th query of both sets, first and unseen (the brute force scores all 45,000 list names per query)
        NameMatcher brute = NameMatchers.bruteForce(registry, MatchPolicy.defaults());
        List<EvaluationSet.Case> all = new ArrayList<>(EvaluationSet.positives());
        all.addAll(EvaluationSet.negatives());
        all.addAll(EvaluationSet.unseenPositives());
        all.addAll(EvaluationSet.unseenNegatives());
        int compared = 0;
        for (int i = 0; i < all.size(); i += 25) {
            MatchQuery q = all.get(i).query();
            List<MatchHit> fast = matcher.search(q, 1);
            List<MatchHit> slow = brute.search(q, 1);
            // then the top hit and its score are the same
            assertThat(fast).as(q.name()).extracting(MatchHit::partyId, MatchHit::score)
                    .isEqualTo(slow.stream().map(h -> org.assertj.core.groups.Tuple.tuple(h.partyId(), h.score()))
                            .toList());
            compared++;
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void unseenSet_recallHoldsItsLevel_atMostHalfAPercentOfNegativesAlerting() throws IOException {
        // given the unseen set: other lists' own spellings of OFAC parties, and names on no list
        MatchPolicy policy = MatchPolicy.defaults();
        Evaluation unseen = new Evaluation("unseen set", Evaluation.sweeping(registry),
                EvaluationSet.unseenPositives(), EvaluationSet.unseenNegatives());
        Evaluation old = new Evaluation("first set", Evaluation.sweeping(registry), EvaluationSet.positives(),
                EvaluationSet.negatives());
        String report = unseen.report(policy);
        write("matching-evaluation-unseen.txt", report);
        // the curve of both sets across thresholds (docs/images/matching-thresholds.png is drawn from it)
        StringBuilder curve = new StringBuilder("threshold\tfirst_recall\tfirst_alerting\tunseen_recall\tunseen_alerting\n");
        for (int t = 60; t <= 100; t++) {
            curve.append(String.format(Locale.ROOT, "%d\t%.3f\t%.3f\t%.3f\t%.3f%n", t, old.recall(t),
                    old.alerting(t), unseen.recall(t), unseen.alerting(t)));
        }
        write("matching-thresholds.tsv", curve.toString());
        // then at the alert threshold at most 0.5% of the negatives alert, and the recall reaches the goal of 95%
        // (vigil-match 1.8 measured 95.2%, docs/matching.md)
        assertThat(unseen.recall(policy.alertThreshold())).as(report).isGreaterThanOrEqualTo(95.0);
        assertThat(unseen.alerting(policy.alertThreshold())).as(report).isLessThanOrEqualTo(0.5);
        assertThat(unseen.positives).hasSizeGreaterThan(400);
        assertThat(unseen.negatives).hasSizeGreaterThan(5000);
    }

    @Test
    void writtenPairs_recallAtTheAlertThreshold_atLeast93Percent() throws IOException {
        // given the hand-written pairs (kind, query, expected OFAC id)
        List<String[]> pairs = io.vigil.registry.match.eval.WrittenPairs.read();
        MatchPolicy policy = MatchPolicy.defaults();

        // when each query is searched
        Map<String, int[]> byKind = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        int found = 0;
        for (String[] p : pairs) {
            List<MatchHit> hits = matcher.search(MatchQuery.of(p[1]), 10);
            double score = hits.stream().filter(h -> finds(h, p[2])).mapToDouble(MatchHit::score).max().orElse(-1);
            boolean alert = score >= policy.alertThreshold();
            int[] k = byKind.computeIfAbsent(p[0], x -> new int[2]);
            k[1]++;
            if (alert) {
                k[0]++;
                found++;
            } else {
                misses.append(String.format(Locale.ROOT, "  miss %s\t%s\t%s\t%.1f\ttop %s%n", p[0], p[1],
                        p[2], score, hits.isEmpty() ? "no hit" : hits.get(0).partyId() + " " + hits.get(0).score()));
            }
        }

        // then
        double recall = 100.0 * found / pairs.size();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "hand-written pairs: %d, recall at alert %.2f%%%n", pairs.size(), recall));
        byKind.forEach((kind, k) -> report.append(String.format(Locale.ROOT, "  %-24s %3d / %3d%n", kind,
                k[0], k[1])));
        report.append(misses);
        write("matching-evaluation-written.txt", report.toString());
        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(93.0);
    }

    private static void write(String name, String text) throws IOException {
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
