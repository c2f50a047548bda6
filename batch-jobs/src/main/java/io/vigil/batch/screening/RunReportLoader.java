package io.vigil.batch.screening;

import io.vigil.registry.model.SourceFile;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import io.vigil.registry.store.SnapshotStore;
import io.vigil.reports.RunReport;
import io.vigil.reports.RunReport.ReportCitation;
import io.vigil.reports.RunReport.ReportCounts;
import io.vigil.reports.RunReport.ReportHit;
import io.vigil.reports.RunReport.ReportInput;
import io.vigil.reports.RunReport.ReportMethod;
import io.vigil.reports.RunReport.ReportReject;
import io.vigil.reports.RunReport.ReportRun;
import io.vigil.reports.RunReport.ReportSnapshot;
import io.vigil.reports.RunReport.ReportSource;
import io.vigil.reports.RunReport.ReportSourceFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one screening run back from the database as a {@link RunReport}: the run, its input, the registry snapshot
 * with each source and file hash, the counts, the method, every cited designation numbered in order of first
 * citation, and the hits and rejects as rows streamed from the database (never all held in memory).
 */
public class RunReportLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScreeningResults results;
    private final SnapshotStore snapshots;

    public RunReportLoader(ScreeningResults results, SnapshotStore snapshots) {
        this.results = results;
        this.snapshots = snapshots;
    }

    public RunReport load(RunSummary run) {
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
        Map<String, ReportCitation> citations = new LinkedHashMap<>();
        Map<String, Long> byAuthority = new TreeMap<>();
        Map<String, Long> byProgram = new TreeMap<>();
        long[] decisions = new long[2];
        results.forEachHit(run.instanceId(), row -> {
            Set<String> authorities = new LinkedHashSet<>();
            Set<String> programs = new LinkedHashSet<>();
            for (JsonNode c : JSON.readTree(row.citationsJson())) {
                citations.computeIfAbsent(key(c), k -> citation(citations.size() + 1, c, filesBySource));
                authorities.add(text(c, "authority"));
                if (!text(c, "program").isEmpty()) {
                    programs.add(text(c, "program"));
                }
            }
            authorities.forEach(a -> byAuthority.merge(a, 1L, Long::sum));
            programs.forEach(p -> byProgram.merge(p, 1L, Long::sum));
            decisions["alert".equals(row.decision()) ? 0 : 1]++;
        });
        ReportCounts counts = new ReportCounts(run.read(), run.screened(), run.rejected(), decisions[0] + decisions[1],
                decisions[0], decisions[1], byAuthority, byProgram);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        citations.forEach((k, c) -> numbers.put(k, c.number()));

        RunMethod method = run.method();
        ReportRun reportRun = new ReportRun(run.executionId(), run.instanceId(), run.jobName(), run.businessDate(),
                run.startedAt(), run.finishedAt(), run.softwareVersion(), method.fingerprint(), "COMPLETED");
        return new RunReport(reportRun, List.of(new ReportInput(run.inputFile(), run.inputSha256(), run.read())),
                new ReportSnapshot(snapshot.id(), snapshot.createdAt(), snapshot.partyCount(), sources), counts,
                new ReportMethod(method.algorithmVersion(), method.alertThreshold(), method.reviewThreshold(),
                        method.policy(), method.embargoedCountries()),
                List.copyOf(citations.values()),
                action -> results.forEachHit(run.instanceId(), row -> action.accept(hit(row, numbers))),
                action -> results.forEachReject(run.instanceId(),
                        r -> action.accept(new ReportReject(r.line(), r.recordId(), r.reason()))),
                "");
    }

    private static ReportHit hit(ScreeningResults.HitRow row, Map<String, Integer> numbers) {
        Set<Integer> cited = new TreeSet<>();
        for (JsonNode c : JSON.readTree(row.citationsJson())) {
            cited.add(numbers.get(key(c)));
        }
        String quality = "";
        if (row.explanationJson() != null) {
            JsonNode e = JSON.readTree(row.explanationJson());
            quality = (text(e, "kind") + ", " + text(e, "quality")).toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        List<String> linked = row.linkedIds().isEmpty() ? List.of() : Arrays.asList(row.linkedIds().split("\\|"));
        return new ReportHit(row.line(), row.recordId(), row.field(), row.screenedValue(), row.kind(), row.partyId(),
                linked, row.matchedName(), quality, row.score().doubleValue(), row.decision(), row.reason(),
                List.copyOf(cited));
    }

    private static String key(JsonNode c) {
        return String.join("\u0001", text(c, "party_id"), text(c, "authority"), text(c, "list"), text(c, "program"),
                text(c, "legal_basis"), text(c, "listed_on"), text(c, "source_reference"), text(c, "url"),
                text(c, "source_type"));
    }

    private static ReportCitation citation(int number, JsonNode c, Map<String, String> filesBySource) {
        String listed = text(c, "listed_on");
        return new ReportCitation(number, text(c, "party_id"), text(c, "authority"), text(c, "list"),
                text(c, "program"), emptyToNull(text(c, "legal_basis")), listed.isEmpty() ? null : LocalDate.parse(listed),
                text(c, "source_reference"), emptyToNull(text(c, "url")), text(c, "source_type"),
                filesBySource.getOrDefault(text(c, "source_type"), ""));
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
