package io.vigil.reports;

import io.vigil.registry.alert.AlertStatus;
import io.vigil.registry.alert.DecisionAction;
import io.vigil.registry.alert.DecisionChain;
import io.vigil.reports.RunReport.ReportAlert;
import io.vigil.reports.RunReport.ReportAlerts;
import io.vigil.reports.RunReport.ReportCitation;
import io.vigil.reports.RunReport.ReportDecision;
import io.vigil.reports.RunReport.ReportWorkload;
import io.vigil.reports.RunReport.ReportCounts;
import io.vigil.reports.RunReport.ReportHit;
import io.vigil.reports.RunReport.ReportInput;
import io.vigil.reports.RunReport.ReportMethod;
import io.vigil.reports.RunReport.ReportReject;
import io.vigil.reports.RunReport.ReportRun;
import io.vigil.reports.RunReport.ReportSnapshot;
import io.vigil.reports.RunReport.ReportSource;
import io.vigil.reports.RunReport.ReportSourceFile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Report fixtures shaped like a real run: the CHOE Chol Min hit citing OFAC (NPWMD, E.O. 13382) and a notice; a
 * JON Il Ho hit citing the EU and OFAC; a Hangul, a Cyrillic, an Arabic and a Chinese name; a screened value that
 * starts with {@code =} (formula injection); an embargo hit; rejects.
 */
final class SampleReports {

    static final String INJECTION = "=HYPERLINK(\"http://evil.example/x\",\"click\")";

    private SampleReports() {
    }

    static ReportRun run() {
        return new ReportRun(42, 17, "screenCounterpartiesJob", LocalDate.of(2026, 11, 20),
                Instant.parse("2026-11-21T01:00:00Z"), Instant.parse("2026-11-21T01:02:03Z"), "0.1.0-SNAPSHOT",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "COMPLETED");
    }

    static ReportSnapshot snapshot() {
        return new ReportSnapshot(3, Instant.parse("2026-11-20T22:00:00Z"), 16930, List.of(
                new ReportSource("ofac-sdn-csv", "US Treasury OFAC",
                        "Specially Designated Nationals and Blocked Persons List (SDN)", LocalDate.of(2026, 11, 18),
                        13821, List.of(new ReportSourceFile("sdn.csv", "a".repeat(64), 4_512_000),
                                new ReportSourceFile("alt.csv", "b".repeat(64), 1_200_000))),
                new ReportSource("un-xml", "UN Security Council", "UN Security Council Consolidated List", null,
                        1003, List.of(new ReportSourceFile("consolidated.xml", "c".repeat(64), 2_100_000))),
                new ReportSource("notices", "EU Council", "Designation notices", null, 9,
                        List.of(new ReportSourceFile("eu-2022-dprk-wpk-officials.yaml", "d".repeat(64), 900)))));
    }

    static List<ReportCitation> citations() {
        return List.of(
                new ReportCitation(1, "ofac:43598", "US Treasury OFAC",
                        "Specially Designated Nationals and Blocked Persons List (SDN)", "NPWMD", "E.O. 13382",
                        LocalDate.of(2023, 6, 15), "43598",
                        "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=43598", "ofac-sdn-csv",
                        "sdn.csv sha256:" + "a".repeat(64)),
                new ReportCitation(2, "notice:us-2023-06-15-second-academy/choe-chol-min", "US Treasury OFAC",
                        "Specially Designated Nationals and Blocked Persons List (SDN)", "NPWMD", "E.O. 13382",
                        LocalDate.of(2023, 6, 15), "us-2023-06-15-second-academy", null, "notices",
                        "us-2023-06-15-second-academy.yaml sha256:" + "e".repeat(64)),
                new ReportCitation(3, "notice:eu-2022-dprk/jon-il-ho", "EU Council",
                        "EU Consolidated Financial Sanctions List", "DPRK", "Council Regulation (EU) 2017/1509", null,
                        "eu-2022-dprk", null, "notices", "eu-2022-dprk-wpk-officials.yaml sha256:" + "d".repeat(64)),
                new ReportCitation(4, "notice:us-2022-12-01-wpk-officials/jon-il-ho", "US Treasury OFAC",
                        "Specially Designated Nationals and Blocked Persons List (SDN)", "DPRK2", "E.O. 13687",
                        LocalDate.of(2022, 12, 1), "us-2022-12-01-wpk-officials", null, "notices",
                        "us-2022-12-01-wpk-officials.yaml sha256:" + "f".repeat(64)));
    }

    static List<ReportHit> hits() {
        return List.of(
                hit(3, "C-0003", "name", "Choi Cheol-min", "ofac:43598", "CHOE, Chol Min", 99.7, "alert",
                        List.of(1, 2)),
                hit(5, "C-0005", "name", "최철민", "ofac:43598", "최철민", 100.0, "alert", List.of(1, 2)),
                hit(7, "C-0007", "name", "Jon Il-ho", "notice:us-2022-12-01-wpk-officials/jon-il-ho", "JON Il Ho",
                        98.0, "alert", List.of(3, 4)),
                hit(9, "C-0009", "name", INJECTION, "ofac:43598", "CHOE, Chol Min", 74.0, "review", List.of(1, 2)),
                hit(11, "C-0011", "name", "Чхве Чхоль Мин", "ofac:43598", "CHOE, Chol Min", 93.1, "alert",
                        List.of(1, 2)),
                hit(12, "C-0012", "name", "علي خامنئي", "ofac:43598", "CHOE, Chol Min", 72.5, "review",
                        List.of(1, 2)),
                hit(13, "C-0013", "name", "崔哲民", "ofac:43598", "CHOE, Chol Min", 86.0, "alert", List.of(1, 2)),
                new ReportHit(14, "C-0014", "country", "KP", "EMBARGO", "", List.of(), "", "", 100.0, "alert",
                        "country KP is embargoed: Democratic People's Republic of Korea (comprehensive sanctions)",
                        List.of()));
    }

    private static ReportHit hit(long line, String id, String field, String value, String party, String matched,
            double score, String decision, List<Integer> citations) {
        return new ReportHit(line, id, field, value, "NAME", party,
                party.startsWith("ofac") ? List.of("notice:us-2023-06-15-second-academy/choe-chol-min") : List.of(),
                matched, "primary, strong", score, decision, "name \"" + matched + "\" (primary, strong): "
                        + "choi~choe 0.95 romanization variant; cheol~chol 0.95 romanization variant; min~min 1.00 "
                        + "exact; name score 96.7; final " + score, citations);
    }

    static List<ReportReject> rejects() {
        return List.of(new ReportReject(4, "C-0004", "name is empty"),
                new ReportReject(8, "", "line 8: 3 fields, the header has 6"));
    }

    static ReportMethod method() {
        return new ReportMethod("vigil-match 1.0", 85, 72,
                "vigil-match 1.0; alert >= 85.0; review >= 72.0; query coverage 0.6, list coverage 0.4",
                Map.of("KP", "Democratic People's Republic of Korea (comprehensive sanctions)", "IR",
                        "Iran (comprehensive sanctions)"));
    }

    /** The sample run: 8 hits (6 alerts, 2 reviews), 2 rejects, 20 records read. */
    static RunReport sample() {
        return report(hits(), rejects(), citations());
    }

    /** The same run with no hits and no rejects. */
    static RunReport noHits() {
        return report(List.of(), List.of(), List.of());
    }

    /** {@code n} generated hits (scores descending from 100 in steps of 0.001), for volume tests. */
    static RunReport many(int n) {
        List<ReportCitation> citations = citations();
        RunReport.Rows<ReportHit> rows = action -> {
            for (int i = 0; i < n; i++) {
                action.accept(new ReportHit(i + 2L, "R-" + i, "name", "Choe Chol Min " + i, "NAME", "ofac:43598",
                        List.of(), "CHOE, Chol Min", "primary, strong", 100.0 - (i % 28_000) * 0.001, "alert",
                        "name score 99.0", List.of(1)));
            }
        };
        ReportCounts counts = new ReportCounts(n, n, 0, n, n, 0, Map.of("US Treasury OFAC", (long) n),
                Map.of("NPWMD", (long) n));
        return new RunReport(run(), List.of(new ReportInput("/data/in/counterparties.csv", "1".repeat(64), n)),
                snapshot(), counts, method(), citations, rows, RunReport.Rows.of(List.of()), "");
    }

    /**
     * One hit whose screened value holds control characters, a lone surrogate and a Cyrillic name, and whose reasons
     * run longer than an Excel cell holds (40,000 characters): hostile or broken input.
     */
    static RunReport hostile() {
        ReportHit hit = new ReportHit(2, "H-1", "name", "Ivan\u0000\u0001 Petrov\uD800 @cmd|' /C calc'!A0 Иван",
                "NAME", "ofac:43598", List.of(), "CHOE, Chol Min", "primary, strong", 80.0, "review",
                "-" + "x".repeat(40_000), List.of(1));
        return report(List.of(hit), List.of(new ReportReject(3, "+1", "@SUM(1+1)")), citations());
    }

    static final String BOOK = "counterparties";
    static final DecisionChain.Head HEAD = new DecisionChain.Head(5,
            "7d1a0c1d0d6a4b1f3e2a9c8b7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c4");

    /** Alert ids of the tracked sample, by record id. */
    static String alertId(String recordId) {
        return "A-000000000000" + recordId.substring(2);
    }

    /**
     * The sample run with alert tracking on the book {@code counterparties}: C-0003, C-0013 and the embargo hit C-0014
     * are new; C-0005 is re-raised (its listed party gained an alias since clearance D-2); C-0007 is open since
     * 2026-11-17; C-0011 is confirmed by D-4; C-0009 and C-0012 are suppressed by D-3 and D-5 (D-5 approved by a
     * second reviewer). Four eyes on; the decision log has 5 rows; 30 nights of workload.
     */
    static RunReport tracked() {
        return tracked(hits(), workload(30));
    }

    /** Like {@link #tracked()} with the given workload nights (this run's night last). */
    static RunReport tracked(List<ReportHit> plainHits, List<ReportWorkload> workload) {
        Map<String, AlertStatus> status = Map.of("C-0003", AlertStatus.NEW, "C-0005", AlertStatus.RERAISED,
                "C-0007", AlertStatus.OPEN, "C-0009", AlertStatus.SUPPRESSED, "C-0011", AlertStatus.CONFIRMED,
                "C-0012", AlertStatus.SUPPRESSED, "C-0013", AlertStatus.NEW, "C-0014", AlertStatus.NEW);
        Map<String, String> ref = Map.of("C-0005", "D-2", "C-0009", "D-3", "C-0011", "D-4", "C-0012", "D-5");
        Map<String, String> note = Map.of("C-0003", "new", "C-0013", "new", "C-0014", "new",
                "C-0005", "cleared by D-2, but since then: listed entry ofac:43598 changed (snapshot 2 → 3): "
                        + "gained the alias 최철민",
                "C-0007", "open since 2026-11-17",
                "C-0009", "cleared as a false positive by D-3 (a.kovacs, 2026-11-18: \"date of birth 1985, the "
                        + "listed CHOE Chol Min was born 1971\")",
                "C-0011", "confirmed as a true match by D-4 (j.smith, 2026-11-19: \"same passport number\")",
                "C-0012", "cleared as a false positive by D-5 (b.ortiz, 2026-11-19: \"Arabic name, no "
                        + "resemblance once transliterated\")");
        List<ReportHit> hits = new ArrayList<>();
        for (ReportHit h : plainHits) {
            AlertStatus s = status.getOrDefault(h.recordId(), AlertStatus.NEW);
            hits.add(new ReportHit(h.line(), h.recordId(), h.field(), h.screenedValue(), h.kind(), h.partyId(),
                    h.linkedIds(), h.matchedName(), h.nameQuality(), h.score(), h.decision(), h.reasons(),
                    h.citations(), alertId(h.recordId()), s, ref.getOrDefault(h.recordId(), ""),
                    note.getOrDefault(h.recordId(), s.label())));
        }
        List<ReportAlert> toDecide = new ArrayList<>();
        for (ReportHit h : hits) {
            if (h.status().needsDecision()) {
                toDecide.add(new ReportAlert(h.alertId(), h.status(), 42, h.decisionRef(), h.recordId(), h.field(),
                        h.screenedValue(), h.partyId(), h.matchedName(), h.score(), h.decision(), 1,
                        h.status() == AlertStatus.OPEN ? LocalDate.of(2026, 11, 17) : LocalDate.of(2026, 11, 20),
                        h.statusNote()));
            }
        }
        toDecide.sort(java.util.Comparator.comparing(ReportAlert::alertId));
        List<ReportDecision> decisions = List.of(
                new ReportDecision("D-2", DecisionAction.FALSE_POSITIVE, "a.kovacs",
                        Instant.parse("2026-11-16T09:15:00Z"), "Korean name, different person", 39, ""),
                new ReportDecision("D-3", DecisionAction.FALSE_POSITIVE, "a.kovacs",
                        Instant.parse("2026-11-18T10:30:00Z"),
                        "date of birth 1985, the listed CHOE Chol Min was born 1971", 40,
                        "m.lee 2026-11-18T14:00:00Z"),
                new ReportDecision("D-4", DecisionAction.TRUE_MATCH, "j.smith", Instant.parse("2026-11-19T08:00:00Z"),
                        "same passport number", 41, ""),
                new ReportDecision("D-5", DecisionAction.FALSE_POSITIVE, "b.ortiz",
                        Instant.parse("2026-11-19T16:45:00Z"), "Arabic name, no resemblance once transliterated", 41,
                        "m.lee 2026-11-19T17:00:00Z"));
        Map<AlertStatus, Long> byStatus = new java.util.EnumMap<>(AlertStatus.class);
        for (AlertStatus s : AlertStatus.values()) {
            byStatus.put(s, hits.stream().filter(h -> h.status() == s).count());
        }
        RunReport plain = report(hits, rejects(), citations());
        ReportCounts c = plain.counts();
        ReportCounts counts = new ReportCounts(c.read(), c.screened(), c.rejected(), c.hits(), c.alerts(),
                c.reviews(), c.hitsByAuthority(), c.hitsByProgram(), byStatus);
        ReportRun r = run();
        ReportRun run = new ReportRun(r.runId(), r.jobInstanceId(), r.jobName(), r.businessDate(), r.startedAt(),
                r.endedAt(), r.softwareVersion(), r.configFingerprint(), r.status(), BOOK);
        ReportAlerts alerts = new ReportAlerts(BOOK, HEAD, RunReport.Rows.of(toDecide), decisions, workload, true);
        return new RunReport(run, plain.inputs(), plain.registry(), counts, plain.method(), plain.citations(),
                plain.hits(), plain.rejects(), plain.manifestFingerprint(), alerts);
    }

    /** {@code n} nights of the book ending with the sample's night, 2026-11-20 (run 42): 3 new, 1 re-raised… */
    static List<ReportWorkload> workload(int n) {
        List<ReportWorkload> nights = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            long runId = 42 - i;
            if (i == 0) {
                nights.add(new ReportWorkload(LocalDate.of(2026, 11, 20), 42, 3, 1, 1, 2, 1));
            } else {
                nights.add(new ReportWorkload(LocalDate.of(2026, 11, 20).minusDays(i), runId, 2 + i % 5, i % 3,
                        (i * 7) % 11, 40 - i, i % 2));
            }
        }
        return nights;
    }

    /** The tracked sample, but with no alert awaiting a decision (all of them suppressed or confirmed). */
    static RunReport trackedNothingToDecide() {
        RunReport t = tracked();
        ReportAlerts a = t.alerts();
        return new RunReport(t.run(), t.inputs(), t.registry(), t.counts(), t.method(), t.citations(), t.hits(),
                t.rejects(), t.manifestFingerprint(), new ReportAlerts(a.book(), a.chainHead(),
                        RunReport.Rows.of(List.of()), a.decisions(), a.workload(), false));
    }

    private static RunReport report(List<ReportHit> hits, List<ReportReject> rejects,
            List<ReportCitation> citations) {
        long alerts = hits.stream().filter(h -> h.decision() == io.vigil.registry.match.Decision.ALERT).count();
        Map<String, Long> byAuthority = new TreeMap<>();
        Map<String, Long> byProgram = new TreeMap<>();
        for (ReportHit h : hits) {
            // a hit counts once per authority and once per program, however many designations it cites
            h.citations().stream().map(n -> citations.get(n - 1).authority()).distinct()
                    .forEach(a -> byAuthority.merge(a, 1L, Long::sum));
            h.citations().stream().map(n -> citations.get(n - 1).program()).distinct()
                    .forEach(p -> byProgram.merge(p, 1L, Long::sum));
        }
        long read = 20;
        ReportCounts counts = new ReportCounts(read, read - rejects.size(), rejects.size(), hits.size(), alerts,
                hits.size() - alerts, byAuthority, byProgram);
        List<ReportInput> inputs = new ArrayList<>();
        inputs.add(new ReportInput("/data/in/counterparties.csv", "1".repeat(64), read));
        return new RunReport(run(), inputs, snapshot(), counts, method(), citations, RunReport.Rows.of(hits),
                RunReport.Rows.of(rejects), "5".repeat(64));
    }
}
