package io.vigil.reports;

import io.vigil.reports.RunReport.ReportHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} highest-scoring hits of a run, ties broken by file order (earlier first), found in one pass
 * over the hits with at most {@code limit} of them in memory (a bounded min-heap whose head is the weakest kept).
 *
 * <p>Example: scores 90, 95, 90, 80 with limit 2 give [95 (2nd), 90 (1st)] and total 4.
 */
final class TopHits {

    /** A hit with its position in file order. */
    record Ranked(long position, ReportHit hit) {
    }

    /** Best first: higher score, then earlier in the file. */
    static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble((Ranked r) -> -r.hit().score())
            .thenComparingLong(Ranked::position);

    private final List<Ranked> listed;
    private final long total;

    private TopHits(List<Ranked> listed, long total) {
        this.listed = listed;
        this.total = total;
    }

    static TopHits of(RunReport.Rows<ReportHit> hits, int limit) {
        Collector c = new Collector(limit);
        hits.forEach(c::add);
        return c.result();
    }

    /**
     * Collects the top hits one hit at a time, so several groups can be collected in a single pass over the hits
     * (positions count the hits this collector was given, in the order given).
     */
    static final class Collector {
        private final int limit;
        // head = the worst hit kept, i.e. the reverse of BEST_FIRST
        private final PriorityQueue<Ranked> kept;
        private long seen;

        Collector(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0, was " + limit);
            }
            this.limit = limit;
            this.kept = new PriorityQueue<>(Math.max(1, Math.min(limit, 1024)), BEST_FIRST.reversed());
        }

        void add(ReportHit hit) {
            Ranked ranked = new Ranked(seen++, hit);
            if (kept.size() < limit) {
                kept.add(ranked);
            } else if (limit > 0 && BEST_FIRST.compare(ranked, kept.peek()) < 0) {
                kept.poll();
                kept.add(ranked);
            }
        }

        TopHits result() {
            List<Ranked> listed = new ArrayList<>(kept);
            listed.sort(BEST_FIRST);
            return new TopHits(List.copyOf(listed), seen);
        }
    }

    /** The hits to list, best first. */
    List<Ranked> listed() {
        return listed;
    }

    /** How many hits the run has (all of them, listed or not). */
    long total() {
        return total;
    }

    boolean truncated() {
        return listed.size() < total;
    }
}
