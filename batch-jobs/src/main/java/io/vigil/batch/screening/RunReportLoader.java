package io.vigil.batch.screening;

import io.vigil.batch.alerts.AlertStore;
import io.vigil.batch.alerts.DecisionLog;
import io.vigil.registry.alert.AlertDecision;
import io.vigil.registry.alert.AlertStatus;
import io.vigil.registry.match.Decision;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import io.vigil.registry.store.SnapshotStore;
import io.vigil.reports.RunReport;
import io.vigil.reports.RunReport.ReportAlert;
import io.vigil.reports.RunReport.ReportAlerts;
import io.vigil.reports.RunReport.ReportCitation;
import io.vigil.reports.RunReport.ReportCounts;
import io.vigil.reports.RunReport.ReportDecision;
import io.vigil.reports.RunReport.ReportHit;
import io.vigil.reports.RunReport.ReportInput;
import io.vigil.reports.RunReport.ReportMethod;
import io.vigil.reports.RunReport.ReportReject;
import io.vigil.reports.RunReport.ReportRun;
import io.vigil.reports.RunReport.ReportSnapshot;
import io.vigil.reports.RunReport.ReportSource;
import io.vigil.reports.RunReport.ReportSourceFile;
import io.vigil.reports.RunReport.ReportWorkload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one screening run back from the database as a {@link RunReport}, the one typed path every output of the run
 * is written from (hits.csv, the workbook, the PDF): each hit becomes a {@link ReportHit} carrying its
 * {@link Decision}, its night status and the decision behind it, and the numbers of its citations. The
 * designations are numbered once for the whole run, in order of first citation, and every output uses those
 * numbers. Each distinct stored citation list is parsed once, however many hits share it.
 */
public class RunReportLoader {

    /** Nights of the book drawn in the workload chart. */
    public static final int WORKLOAD_NIGHTS = 30;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScreeningResults results;
    private final SnapshotStore snapshots;
    private final AlertStore alerts;
    private final DecisionLog decisions;

    public RunReportLoader(ScreeningResults results, SnapshotStore snapshots, AlertStore alerts,
            DecisionLog decisions) {
        this.results = results;
        this.snapshots = snapshots;
        this.alerts = alerts;
        this.decisions = decisions;
    }

    /** One designation as stored with a hit, before it is numbered. */
    private record CitationValue(String partyId, String authority, String listName, String program,
            String legalBasis, LocalDate listedOn, String sourceReference, String url, String sourceType) {
    }

    /** Each distinct citation list of the run, read from the database and parsed once. */
    private static final class CitationCache {
        private final Map<String, List<CitationValue>> parsed = new HashMap<>();

        CitationCache(Map<String, String> sets) {
            sets.forEach((key, json) -> parsed.put(key, parse(json)));
        }

        List<CitationValue> of(String key) {
            List<CitationValue> c = parsed.get(key);
            if (c == null) {
                throw new IllegalStateException("citation set " + key + " is not in the database");
            }
            return c;
        }

        private static List<CitationValue> parse(String json) {
            List<CitationValue> out = new ArrayList<>();
            for (JsonNode c : JSON.readTree(json)) {
                String listed = text(c, "listed_on");
                out.add(new CitationValue(text(c, "party_id"), text(c, "authority"), text(c, "list"),
                        text(c, "program"), emptyToNull(text(c, "legal_basis")),
                        listed.isEmpty() ? null : LocalDate.parse(listed), text(c, "source_reference"),
                        emptyToNull(text(c, "url")), text(c, "source_type")));
            }
            return List.copyOf(out);
        }
    }

    /**
     * Loads the run; {@code firstPass}, when given, receives every hit once, in file order, during the pass that
     * numbers the citations, with the citations numbered so far (each hit's own are among them), so a caller can
     * write hits.csv without reading the hits once more.
     */
    public RunReport load(RunSummary run,
            java.util.function.BiConsumer<ReportHit, List<ReportCitation>> firstPass) {
        SnapshotInfo snapshot = snapshots.find(run.snapshotId()).orElseThrow(() -> new IllegalStateException(
                "registry snapshot " + run.snapshotId() + " of run " + run.executionId() + " is not in the database"));
        Map<String, String> filesBySource = new LinkedHashMap<>();
        List<ReportSource> sources = new ArrayList<>();
        for (SnapshotSource s : snapshot.sources()) {
            List<ReportSourceFile> files = s.source().files().stream()
                    .map(f -> new ReportSourceFile(f.name(), f.sha256(), f.sizeBytes())).toList();
            sources.add(new ReportSource(s.source().sourceType(), s.source().authority(), s.source().listName(),
                    s.source().publicationDate(), s.entryCount(), files));
            filesBySource.merge(s.source().sourceType(), describe(s.source().files()), (a, b) -> a + "; " + b);
        }

        // one pass over the hits: number every distinct designation in order of first citation, and count
        CitationCache cache = new CitationCache(results.citationSets(run.instanceId()));
        Map<CitationValue, Integer> numbers = new LinkedHashMap<>();
        List<ReportCitation> citations = new ArrayList<>();
        Map<String, Long> byAuthority = new TreeMap<>();
        Map<String, Long> byProgram = new TreeMap<>();
        Map<AlertStatus, Long> byStatus = new EnumMap<>(AlertStatus.class);
        long[] decisionCounts = new long[2];
        results.forEachHit(run.instanceId(), row -> {
            Set<String> authorities = new LinkedHashSet<>();
            Set<String> programs = new LinkedHashSet<>();
            for (CitationValue c : cache.of(row.citationKey())) {
                if (numbers.putIfAbsent(c, numbers.size() + 1) == null) {
                    citations.add(new ReportCitation(numbers.size(), c.partyId(), c.authority(), c.listName(),
                            c.program(), c.legalBasis(), c.listedOn(), c.sourceReference(), c.url(), c.sourceType(),
                            filesBySource.getOrDefault(c.sourceType(), "")));
                }
                authorities.add(c.authority());
                if (!c.program().isEmpty()) {
                    programs.add(c.program());
                }
            }
            authorities.forEach(a -> byAuthority.merge(a, 1L, Long::sum));
            programs.forEach(p -> byProgram.merge(p, 1L, Long::sum));
            decisionCounts[decision(row.decision()) == Decision.ALERT ? 0 : 1]++;
            if (row.status() != null) {
                byStatus.merge(AlertStatus.parse(row.status()), 1L, Long::sum);
            }
            if (firstPass != null) {
                firstPass.accept(hit(row, cache, numbers), citations);
            }
        });

        Optional<AlertStore.AlertRun> alertRun = alerts.run(run.instanceId());
        if (alertRun.isPresent()) {
            for (AlertStatus s : AlertStatus.values()) {
                byStatus.putIfAbsent(s, 0L);
            }
        }
        ReportCounts counts = new ReportCounts(run.read(), run.screened(), run.rejected(),
                decisionCounts[0] + decisionCounts[1], decisionCounts[0], decisionCounts[1], byAuthority, byProgram,
                byStatus);

        RunMethod method = run.method();
        ReportRun reportRun = new ReportRun(run.executionId(), run.instanceId(), run.jobName(), run.businessDate(),
                run.startedAt(), run.finishedAt(), run.softwareVersion(), method.fingerprint(), "COMPLETED",
                alertRun.map(AlertStore.AlertRun::book).orElse(""),
                run.scope() == null ? "" : run.scope().describe());
        return new RunReport(reportRun, List.of(new ReportInput(run.inputFile(), run.inputSha256(), run.read())),
                new ReportSnapshot(snapshot.id(), snapshot.createdAt(), snapshot.partyCount(), sources), counts,
                new ReportMethod(method.algorithmVersion(), method.alertThreshold(), method.reviewThreshold(),
                        method.policy(), method.embargoedCountries()),
                List.copyOf(citations),
                action -> results.forEachHit(run.instanceId(), row -> action.accept(hit(row, cache, numbers))),
                action -> results.forEachReject(run.instanceId(),
                        r -> action.accept(new ReportReject(r.line(), r.recordId(), r.reason()))),
                "", alertRun.map(a -> alerts(a, run)).orElse(ReportAlerts.NONE));
    }

    private ReportAlerts alerts(AlertStore.AlertRun alertRun, RunSummary run) {
        List<AlertStore.Sighting> sightings = alerts.sightings(run.instanceId());
        List<ReportAlert> toDecide = new ArrayList<>();
        Map<String, ReportAlert> byAlert = new TreeMap<>();
        Set<Long> cited = new TreeSet<>();
        for (AlertStore.Sighting s : sightings) {
            if (s.decisionSeq() > 0) {
                cited.add(s.decisionSeq());
            }
            if (s.status().needsDecision()) {
                // one row per alert: a payments alert seen with several screened values is decided once
                byAlert.merge(s.alertId(), alert(s), (a, b) -> a.score() >= b.score() ? withHits(a, a.hits()
                        + b.hits()) : withHits(b, a.hits() + b.hits()));
            }
        }
        toDecide.addAll(byAlert.values());
        // the log rows of the run's alerts, read at once: each cited decision, and the approval of a clearance
        Map<Long, AlertDecision> bySeq = new HashMap<>();
        Map<Long, AlertDecision> approvalOf = new HashMap<>();
        decisions.forRun(run.instanceId()).values().forEach(rows -> rows.forEach(d -> {
            bySeq.put(d.seq(), d);
            if (d.approves() > 0) {
                approvalOf.put(d.approves(), d);
            }
        }));
        List<ReportDecision> decisionRows = new ArrayList<>();
        for (long seq : cited) {
            AlertDecision d = bySeq.get(seq);
            if (d != null) {
                AlertDecision approval = approvalOf.get(seq);
                decisionRows.add(new ReportDecision(d.ref(), d.action(), d.reviewer(), d.decidedAt(), d.reason(),
                        d.runId(), approval == null ? "" : approval.reviewer() + " (" + approval.ref() + ", "
                                + approval.decidedAt() + ")"));
            }
        }
        List<ReportWorkload> workload = new ArrayList<>();
        for (AlertStore.AlertRun r : alerts.workload(alertRun.book(), run.businessDate(), run.finishedAt(),
                WORKLOAD_NIGHTS)) {
            Map<AlertStatus, Long> c = r.hitsByStatus();
            workload.add(new ReportWorkload(r.businessDate(), r.executionId(), c.get(AlertStatus.NEW),
                    c.get(AlertStatus.RERAISED), c.get(AlertStatus.OPEN), c.get(AlertStatus.SUPPRESSED),
                    c.get(AlertStatus.CONFIRMED)));
        }
        return new ReportAlerts(alertRun.book(), alertRun.chainHead(), RunReport.Rows.of(toDecide), decisionRows,
                workload, alertRun.fourEyes());
    }

    private static ReportAlert alert(AlertStore.Sighting s) {
        return new ReportAlert(s.alertId(), s.status(), s.executionId(), s.lastDecisionSeq() > 0
                ? AlertDecision.ref(s.lastDecisionSeq()) : "", s.recordId(), s.field(), s.screenedValue(),
                s.partyId(), s.matchedName(), s.score().doubleValue(), s.decision(), s.hits(), s.firstSeen(), s.note());
    }

    private static ReportAlert withHits(ReportAlert a, long hits) {
        return new ReportAlert(a.alertId(), a.status(), a.runId(), a.lastDecisionRef(), a.recordId(), a.field(),
                a.screenedValue(), a.partyId(), a.matchedName(), a.score(), a.decision(), hits, a.firstSeen(),
                a.note());
    }

    private static ReportHit hit(ScreeningResults.HitRow row, CitationCache cache,
            Map<CitationValue, Integer> numbers) {
        Set<Integer> cited = new TreeSet<>();
        for (CitationValue c : cache.of(row.citationKey())) {
            cited.add(numbers.get(c));
        }
        List<String> linked = row.linkedIds().isEmpty() ? List.of() : Arrays.asList(row.linkedIds().split("\\|"));
        return new ReportHit(row.line(), row.recordId(), row.field(), row.screenedValue(), row.kind(), row.partyId(),
                linked, row.matchedName(), row.nameQuality() == null ? "" : row.nameQuality(),
                row.score().doubleValue(), decision(row.decision()), row.reason(), List.copyOf(cited), row.alertId(),
                row.status() == null ? null : AlertStatus.parse(row.status()),
                row.decisionSeq() > 0 ? AlertDecision.ref(row.decisionSeq()) : "", row.statusNote());
    }

    private static Decision decision(String label) {
        return Decision.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static String describe(List<SourceFile> files) {
        return files.stream().map(f -> f.name() + " sha256:" + f.sha256()).collect(Collectors.joining("; "));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }
}
