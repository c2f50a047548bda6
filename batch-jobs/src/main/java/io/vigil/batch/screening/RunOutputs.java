package io.vigil.batch.screening;

import io.vigil.registry.source.Hashing;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import io.vigil.registry.alert.AlertStatus;
import io.vigil.registry.text.SafeCsv;
import io.vigil.registry.match.Decision;
import io.vigil.reports.ExcelReportWriter;
import io.vigil.reports.RunReport;
import io.vigil.reports.RunReport.ReportCitation;
import io.vigil.reports.RunReport.ReportHit;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's {@code hits.csv}, {@code rejects.csv} and {@code manifest.json} from the database, in file order,
 * so the same run always gives the same files.
 */
public class RunOutputs {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunOutputs.class);

    public static final List<String> HIT_COLUMNS = List.of("record_id", "field", "screened_value", "party_id",
            "linked_ids", "matched_name", "score", "decision", "authorities", "programs", "listing_dates",
            "citations", "alert_id", "status", "decision_ref");
    public static final List<String> REJECT_COLUMNS = List.of("line", "record_id", "reason");

    private final ScreeningResults results;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public RunOutputs(ScreeningResults results) {
        this.results = results;
    }

    /** Counts of hits by decision and by night status, filled while writing hits.csv. */
    public record HitCounts(long total, long alerts, long reviews, Map<AlertStatus, Long> byStatus) {
    }

    public long writeRejects(long instanceId, Path file) {
        long[] count = new long[1];
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(REJECT_COLUMNS);
            results.forEachReject(instanceId, r -> {
                try {
                    csv.printRecord(r.line(), SafeCsv.cell(r.recordId()), SafeCsv.cell(r.reason()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return count[0];
    }

    /** One row of hits.csv: {@code cites} are the hit's citations, in the order of its citation numbers. */
    private static List<Object> hitRecord(ReportHit h, List<ReportCitation> cites) {
        Set<String> authorities = new LinkedHashSet<>();
        Set<String> programs = new LinkedHashSet<>();
        Set<String> dates = new LinkedHashSet<>();
        List<String> cited = new ArrayList<>();
        for (ReportCitation c : cites) {
            int n = c.number();
            authorities.add(c.authority());
            if (!c.program().isEmpty()) {
                programs.add(c.program());
            }
            if (c.listedOn() != null) {
                dates.add(c.listedOn().toString());
            }
            StringBuilder sb = new StringBuilder("[").append(n).append("] ").append(c.partyId()).append(' ')
                    .append(c.authority());
            append(sb, "program", c.program());
            append(sb, "legal basis", c.legalBasis());
            append(sb, "listed", c.listedOn() == null ? null : c.listedOn().toString());
            append(sb, "source", c.sourceReference());
            cited.add(sb.toString());
        }
        if (cited.isEmpty() && !h.reasons().isEmpty()) {
            cited.add(h.reasons());
        }
        // every value a spreadsheet could run or garble is neutralised (SafeCsv): the input's and the lists' text
        return List.of(SafeCsv.cell(h.recordId()), SafeCsv.cell(h.field()), SafeCsv.cell(h.screenedValue()),
                SafeCsv.cell(h.partyId()), SafeCsv.cell(String.join("|", h.linkedIds())),
                SafeCsv.cell(h.matchedName()),
                BigDecimal.valueOf(h.score()).setScale(1, RoundingMode.HALF_UP).toPlainString(), h.decision().label(),
                SafeCsv.cell(String.join("|", authorities)), SafeCsv.cell(String.join("|", programs)),
                String.join("|", dates), SafeCsv.cell(String.join("|", cited)), h.alertId(),
                h.status() == null ? "" : h.status().label(), h.decisionRef());
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append("; ").append(label).append(' ').append(value);
        }
    }

    /** Names of the files a run directory holds, in the order they are written. */
    public static final String HITS = "hits.csv";
    public static final String REJECTS = "rejects.csv";
    public static final String WORKBOOK = "report.xlsx";
    public static final String PDF = "report.pdf";
    public static final String MANIFEST = "manifest.json";
    /** Manifest field: the SHA-256 printed in report.pdf (see {@link #manifestFingerprint}). */
    public static final String PDF_FINGERPRINT = "pdf_manifest_fingerprint";

    /**
     * Writes every output of a run into {@code dir}, from the database alone: hits.csv, rejects.csv, report.xlsx,
     * report.pdf and manifest.json. The same run always gives byte-identical files, so {@code vigil report --run}
     * reproduces them and {@code vigil verify} can check them.
     *
     * <p>The manifest records the SHA-256 of every file, including report.pdf, while the PDF prints the manifest's
     * fingerprint: the SHA-256 of the manifest as it is before the report.pdf entry is added. {@link
     * #manifestFingerprint} recomputes it from the final manifest.
     */
    public HitCounts writeAll(RunSummary run, SnapshotInfo snapshot, RunReportLoader loader, Path target) {
        Path dir = partial(target);
        try (HitSpool spool = new HitSpool(Files.createDirectories(target.toAbsolutePath().getParent()))) {
            deleteTree(dir); // what a crashed attempt left
            Files.createDirectories(dir);
            Path hitsFile = dir.resolve(HITS);
            Path rejectsFile = dir.resolve(REJECTS);
            long t0 = System.nanoTime();
            long[] counts = new long[3];
            Map<AlertStatus, Long> byStatus = new EnumMap<>(AlertStatus.class);
            Path workbook = dir.resolve(WORKBOOK);
            RunReport report;
            // One pass over the database. This thread reads the hits and counts them; a second thread (the two cores
            // a night has) writes each to the workbook's Hits sheet, to hits.csv and to the PDF's spool meanwhile.
            record Written(ReportHit hit, List<ReportCitation> cites) {
            }
            try (ExcelReportWriter.Session excel = new ExcelReportWriter().begin();
                    Writer w = new io.vigil.registry.text.UnsynchronizedWriter(new java.io.OutputStreamWriter(
                            Files.newOutputStream(hitsFile), StandardCharsets.UTF_8));
                    CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
                    HitHandOff<Written> writers = new HitHandOff<>(x -> {
                        excel.hit(x.hit());
                        spool.add(x.hit());
                        try {
                            csv.printRecord(hitRecord(x.hit(), x.cites()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(hitsFile + ": " + e.getMessage(), e);
                        }
                    })) {
                csv.printRecord(HIT_COLUMNS);
                RunReport loaded = loader.load(run, (h, citations) -> {
                    List<ReportCitation> cites = new ArrayList<>(h.citations().size());
                    for (int n : h.citations()) {
                        cites.add(citations.get(n - 1)); // resolved here: the list grows on this thread only
                    }
                    writers.accept(new Written(h, cites));
                    counts[0]++;
                    counts[h.decision() == Decision.ALERT ? 1 : 2]++;
                    if (h.status() != null) {
                        byStatus.merge(h.status(), 1L, Long::sum);
                    }
                });
                writers.finish();
                csv.flush();
                report = loaded.withHits(spool.rows());
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(workbook))) {
                    excel.finish(report, out);
                }
            }
            long t1 = System.nanoTime();
            HitCounts hits = new HitCounts(counts[0], counts[1], counts[2], byStatus);
            writeRejects(run.instanceId(), rejectsFile);
            long t2 = System.nanoTime();
            Map<String, Object> manifest = manifest(run, snapshot, hits, report.alerts());
            List<Object> outputs = new ArrayList<>();
            for (Path p : List.of(hitsFile, rejectsFile, workbook)) {
                outputs.add(output(p));
            }
            manifest.put("outputs", outputs);
            String fingerprint = Hashing.sha256(serialize(manifest).getBytes(StandardCharsets.UTF_8));
            Path pdf = dir.resolve(PDF);
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(pdf))) {
                new io.vigil.reports.PdfReportWriter(run.pdfMaxHits()).write(report.withManifestFingerprint(fingerprint),
                        out);
            }
            outputs.add(output(pdf));
            log.info("outputs of run {}: hits read once into hits.csv, the workbook and the spool {} ms, rejects {} "
                    + "ms, PDF {} ms",
                    run.executionId(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
            manifest.put(PDF_FINGERPRINT, fingerprint);
            Files.writeString(dir.resolve(MANIFEST), serialize(manifest), StandardCharsets.UTF_8);
            publish(dir, target);
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where a run directory is written before it is complete: a hidden sibling ({@code .NAME.partial}), so a crash
     * or a full disk never leaves anything a collector could mistake for a result.
     */
    public static Path partial(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    /**
     * Moves a complete run directory into place: renamed whole when the target does not exist; otherwise (a report
     * regenerated into its run directory) file by file, the manifest last.
     */
    private static void publish(Path dir, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            try {
                Files.move(dir, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.createDirectories(target);
            }
        }
        for (String name : List.of(HITS, REJECTS, WORKBOOK, PDF, MANIFEST)) {
            Files.move(dir.resolve(name), target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(dir);
    }

    /** Deletes a directory and what it holds, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The fingerprint report.pdf prints, recomputed from a manifest's text: the SHA-256 of the manifest without
     * its {@value #PDF_FINGERPRINT} field and without the report.pdf entry of its outputs.
     */
    public static String manifestFingerprint(String manifestJson) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) mapper.readTree(
                manifestJson);
        node.remove(PDF_FINGERPRINT);
        JsonNode outputs = node.get("outputs");
        if (outputs instanceof tools.jackson.databind.node.ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (PDF.equals(array.get(i).path("name").asString())) {
                    array.remove(i);
                }
            }
        }
        return Hashing.sha256((mapper.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private String serialize(Map<String, Object> manifest) {
        return json.writeValueAsString(manifest) + "\n";
    }

    private static Map<String, Object> output(Path p) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", p.getFileName().toString());
        o.put("sha256", Hashing.sha256(p));
        o.put("size_bytes", Files.size(p));
        return o;
    }

    /** The manifest's content: the run, its input, the method, the registry snapshot and the counts. */
    private static Map<String, Object> manifest(RunSummary run, SnapshotInfo snapshot, HitCounts hits,
            RunReport.ReportAlerts alerts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", run.executionId());
        m.put("job", run.jobName());
        m.put("job_instance_id", run.instanceId());
        m.put("business_date", run.businessDate().toString());
        m.put("started_at", String.valueOf(run.startedAt()));
        m.put("finished_at", String.valueOf(run.finishedAt()));
        m.put("software_version", run.softwareVersion());
        m.put("config_fingerprint", run.method().fingerprint());
        m.put("matching_policy", run.policy());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("path", run.inputFile());
        input.put("sha256", run.inputSha256());
        input.put("records_read", run.read());
        input.put("records_screened", run.screened());
        input.put("records_rejected", run.rejected());
        m.put("inputs", List.of(input));
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("snapshot_id", snapshot.id());
        registry.put("created_at", snapshot.createdAt().toString());
        registry.put("parties", snapshot.partyCount());
        List<Object> sources = new ArrayList<>();
        for (SnapshotSource s : snapshot.sources()) {
            Map<String, Object> src = new LinkedHashMap<>();
            src.put("type", s.source().sourceType());
            src.put("authority", s.source().authority());
            src.put("list", s.source().listName());
            src.put("publication_date", s.source().publicationDate() == null ? null
                    : s.source().publicationDate().toString());
            src.put("entries", s.entryCount());
            List<Object> files = new ArrayList<>();
            s.source().files().forEach(f -> {
                Map<String, Object> file1 = new LinkedHashMap<>();
                file1.put("name", f.name());
                file1.put("sha256", f.sha256());
                file1.put("size_bytes", f.sizeBytes());
                files.add(file1);
            });
            src.put("files", files);
            sources.add(src);
        }
        registry.put("sources", sources);
        m.put("registry", registry);
        ScreeningScope scope = run.scope();
        if (scope != null) {
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("mode", scope.mode().label());
            sc.put("reason", scope.reason());
            sc.put("base_run_instance_id", scope.baseInstanceId());
            sc.put("base_snapshot_id", scope.baseSnapshotId());
            sc.put("parties_screened_against", scope.partiesScreened());
            if (scope.mode() != ScreeningMode.FULL) {
                sc.put("parties_added", scope.partiesAdded());
                sc.put("parties_changed", scope.partiesChanged());
                sc.put("parties_removed", scope.partiesRemoved());
            }
            sc.put("records_screened_in_full", scope.recordsFull());
            sc.put("records_screened_against_changed_parties", scope.recordsChangedParties());
            // null: not counted (the base run's record fingerprints are of another scheme)
            sc.put("records_removed_from_book", scope.recordsRemovedCounted() ? scope.recordsRemoved() : null);
            if (scope.fromDate() != null) {
                sc.put("from_business_date", scope.fromDate().toString());
                sc.put("to_business_date", scope.toDate().toString());
            }
            m.put("screening", sc);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("records_read", run.read());
        counts.put("records_screened", run.screened());
        counts.put("records_rejected", run.rejected());
        counts.put("hits", hits.total());
        counts.put("alerts", hits.alerts());
        counts.put("reviews", hits.reviews());
        if (alerts.tracked()) {
            Map<String, Object> byStatus = new LinkedHashMap<>();
            for (AlertStatus s : AlertStatus.values()) {
                byStatus.put(s.label(), hits.byStatus().getOrDefault(s, 0L));
            }
            counts.put("hits_by_status", byStatus);
        }
        m.put("counts", counts);
        if (alerts.tracked()) {
            Map<String, Object> decisions = new LinkedHashMap<>();
            decisions.put("book", alerts.book());
            decisions.put("four_eyes", alerts.fourEyes());
            decisions.put("decision_log_head_seq", alerts.chainHead().seq());
            decisions.put("decision_log_head_sha256", alerts.chainHead().hash());
            m.put("alerts", decisions);
        }
        return m;
    }
}
