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

    /** Writes manifest.json: the run, its input, the registry snapshot and the SHA-256 of every output. */
    public void writeManifest(Path file, RunSummary run, String startedAt, SnapshotInfo snapshot, HitCounts hits,
            List<Path> outputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", run.executionId());
        m.put("job", run.jobName());
        m.put("job_instance_id", run.instanceId());
        m.put("business_date", run.businessDate().toString());
        m.put("started_at", startedAt);
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
        List<Object> outs = new ArrayList<>();
        try {
            for (Path p : outputs) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", p.getFileName().toString());
                o.put("sha256", Hashing.sha256(p));
                outs.add(o);
            }
            m.put("outputs", outs);
            Files.writeString(file, json.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
