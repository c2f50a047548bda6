package io.vigil.batch.screening;

import io.vigil.registry.source.Hashing;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import java.io.IOException;
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

    public static final List<String> HIT_COLUMNS = List.of("record_id", "field", "screened_value", "party_id",
            "linked_ids", "matched_name", "score", "decision", "authorities", "programs", "listing_dates",
            "citations");
    public static final List<String> REJECT_COLUMNS = List.of("line", "record_id", "reason");

    private final ScreeningResults results;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public RunOutputs(ScreeningResults results) {
        this.results = results;
    }

    /** Counts of hits by decision, filled while writing hits.csv. */
    public record HitCounts(long total, long alerts, long reviews) {
    }

    public HitCounts writeHits(long instanceId, Path file) {
        long[] counts = new long[3];
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(HIT_COLUMNS);
            results.forEachHit(instanceId, row -> {
                try {
                    csv.printRecord(hitRecord(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counts[0]++;
                if ("alert".equals(row.decision())) {
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return new HitCounts(counts[0], counts[1], counts[2]);
    }

    public long writeRejects(long instanceId, Path file) {
        long[] count = new long[1];
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(REJECT_COLUMNS);
            results.forEachReject(instanceId, r -> {
                try {
                    csv.printRecord(r.line(), r.recordId(), r.reason());
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

    private List<Object> hitRecord(ScreeningResults.HitRow row) {
        Set<String> authorities = new LinkedHashSet<>();
        Set<String> programs = new LinkedHashSet<>();
        Set<String> dates = new LinkedHashSet<>();
        List<String> citations = new ArrayList<>();
        JsonNode array = json.readTree(row.citationsJson());
        for (JsonNode c : array) {
            authorities.add(text(c, "authority"));
            if (!text(c, "program").isEmpty()) {
                programs.add(text(c, "program"));
            }
            if (!text(c, "listed_on").isEmpty()) {
                dates.add(text(c, "listed_on"));
            }
            StringBuilder sb = new StringBuilder("[").append(c.get("n").asInt()).append("] ")
                    .append(text(c, "party_id")).append(' ').append(text(c, "authority"));
            append(sb, "program", text(c, "program"));
            append(sb, "legal basis", text(c, "legal_basis"));
            append(sb, "listed", text(c, "listed_on"));
            append(sb, "source", text(c, "source_reference"));
            citations.add(sb.toString());
        }
        if (array.isEmpty() && !row.reason().isEmpty()) {
            citations.add(row.reason());
        }
        return List.of(row.recordId(), row.field(), row.screenedValue(), row.partyId(), row.linkedIds(),
                row.matchedName(), row.score().toPlainString(), row.decision(), String.join("|", authorities),
                String.join("|", programs), String.join("|", dates), String.join("|", citations));
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (!value.isEmpty()) {
            sb.append("; ").append(label).append(' ').append(value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asString();
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
    public HitCounts writeAll(RunSummary run, SnapshotInfo snapshot, RunReportLoader loader, Path dir) {
        try {
            Files.createDirectories(dir);
            Path hitsFile = dir.resolve(HITS);
            Path rejectsFile = dir.resolve(REJECTS);
            HitCounts hits = writeHits(run.instanceId(), hitsFile);
            writeRejects(run.instanceId(), rejectsFile);
            io.vigil.reports.RunReport report = loader.load(run);
            Path workbook = dir.resolve(WORKBOOK);
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(workbook))) {
                new io.vigil.reports.ExcelReportWriter().write(report, out);
            }
            Map<String, Object> manifest = manifest(run, snapshot, hits);
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
            manifest.put(PDF_FINGERPRINT, fingerprint);
            Files.writeString(dir.resolve(MANIFEST), serialize(manifest), StandardCharsets.UTF_8);
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
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
    private static Map<String, Object> manifest(RunSummary run, SnapshotInfo snapshot, HitCounts hits) {
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
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("records_read", run.read());
        counts.put("records_screened", run.screened());
        counts.put("records_rejected", run.rejected());
        counts.put("hits", hits.total());
        counts.put("alerts", hits.alerts());
        counts.put("reviews", hits.reviews());
        m.put("counts", counts);
        return m;
    }
}
