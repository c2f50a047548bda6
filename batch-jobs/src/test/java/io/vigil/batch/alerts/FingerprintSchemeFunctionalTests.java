package io.vigil.batch.alerts;

import static io.vigil.batch.alerts.AlertTestSupport.csv;
import static io.vigil.batch.alerts.AlertTestSupport.outputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.batch.TestDatabase;
import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import io.vigil.registry.delta.BookState;
import io.vigil.registry.delta.RecordFingerprints;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A book last screened by a version that kept record fingerprints of scheme 1 (SHA-256): the first night of this
 * version (scheme 2) screens it in full and says why, counts no records as having left the book, and closes the
 * alerts of exactly the customers who left; the night after, a delta against scheme-2 fingerprints runs again and
 * gives the hits of a full screen.
 */
class FingerprintSchemeFunctionalTests {

    @TempDir
    Path tmp;

    @Test
    void aBaseOfAnEarlierFingerprintSchemeIsScreenedInFull_andNothingIsComparedAcrossSchemes() throws Exception {
        Path lists = AlertTestSupport.sharedLists();
        assumeTrue(lists != null, "../shared/data/lists is absent: skipping the fingerprint scheme test");
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), """
                vigil:
                  registry:
                    sources: []
                  screening:
                    delta:
                      full-schedule: never
                """);
        Path data = tmp.resolve("data");
        VigilRunner vigil = new VigilRunner(data, config);
        AlertTestSupport.importSdn(vigil, lists.resolve("ofac/sdn.csv"), tmp.resolve("sdn"));
        Path night1 = tmp.resolve("customers-1.csv");
        Result gen = vigil.run("generate-sample", "counterparties", "--rows", "4000", "--seed", "41", "--hit-rate",
                "0.05", "--out", night1.toString());
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        Result n1 = vigil.run("screen", "counterparties", "--input", night1.toString(), "--business-date",
                "2026-11-19");
        assertThat(n1.exitCode()).as(n1.toString()).isZero();
        Set<String> hadHits = new HashSet<>();
        csv(outputs(n1).resolve("hits.csv")).forEach(h -> hadHits.add(h.get("record_id")));
        assertThat(hadHits).hasSizeGreaterThan(20);

        // night 1's fingerprints rewritten as the version before scheme 2 stored them: SHA-256 of each record id,
        // 16 bytes a record, no header
        List<CSVRecord> customers = csv(night1);
        Map<Long, String> byCurrentId = new HashMap<>();
        customers.forEach(c -> byCurrentId.put(RecordFingerprints.ofId(c.get("id")), c.get("id")));
        long run1 = ((Number) AlertTestSupport.query(data, "SELECT JOB_INSTANCE_ID FROM SCREENING_RUN").get(0)
                .get("JOB_INSTANCE_ID")).longValue();
        int rewritten = 0;
        try (Connection c = TestDatabase.connect(data)) {
            List<Object[]> chunks = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT FIRST_LINE, FINGERPRINTS FROM SCREENED_RECORDS "
                    + "WHERE JOB_INSTANCE_ID = ?")) {
                q.setLong(1, run1);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        chunks.add(new Object[] {rs.getLong(1), rs.getBytes(2)});
                    }
                }
            }
            RecordFingerprints.Hasher sha = new RecordFingerprints.Hasher(RecordFingerprints.SHA256);
            for (Object[] chunk : chunks) {
                byte[] blob = (byte[]) chunk[1];
                assertThat(BookState.schemeOf(blob)).isEqualTo(RecordFingerprints.SCHEME);
                ByteBuffer in = ByteBuffer.wrap(blob, 4, blob.length - 4);
                ByteBuffer out = ByteBuffer.allocate(blob.length - 4);
                while (in.remaining() >= 16) {
                    String id = byCurrentId.get(in.getLong());
                    assertThat(id).isNotNull();
                    out.putLong(sha.ofId(id)).putLong(in.getLong());
                }
                try (PreparedStatement u = c.prepareStatement("UPDATE SCREENED_RECORDS SET FINGERPRINTS = ? WHERE "
                        + "JOB_INSTANCE_ID = ? AND FIRST_LINE = ?")) {
                    u.setBytes(1, out.array());
                    u.setLong(2, run1);
                    u.setLong(3, (Long) chunk[0]);
                    rewritten += u.executeUpdate();
                }
            }
        }
        assertThat(rewritten).isPositive();

        // night 2: ten customers with hits leave, one joins
        Set<String> left = new TreeSet<>(new ArrayList<>(new TreeSet<>(hadHits)).subList(0, 10));
        Path night2 = tmp.resolve("customers-2.csv");
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(night2, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            out.printRecord(customers.get(0).getParser().getHeaderNames());
            for (CSVRecord c : customers) {
                if (!left.contains(c.get("id"))) {
                    out.printRecord(c.toList());
                }
            }
            List<String> newcomer = new ArrayList<>(customers.get(0).toList());
            newcomer.set(0, "NEW1");
            out.printRecord(newcomer);
        }
        Result n2 = vigil.run("screen", "counterparties", "--input", night2.toString(), "--business-date",
                "2026-11-20", "--delta");
        assertThat(n2.exitCode()).as(n2.toString()).isZero();
        assertThat(n2.out()).contains("mode: full (the last screening (run " + run1 + ") kept record fingerprints of "
                + "an earlier scheme (scheme 1), which cannot be compared with this version's (scheme 2))")
                .contains("records that left the book not counted");
        JsonNode scope2 = JsonMapper.builder().build().readTree(outputs(n2).resolve("manifest.json").toFile())
                .get("screening");
        assertThat(scope2.get("mode").asString()).isEqualTo("full");
        assertThat(scope2.get("records_removed_from_book").isNull()).as(scope2.toString()).isTrue();
        // the alerts closed as no longer in the book are exactly those of the customers who left
        Set<String> closed = new TreeSet<>();
        AlertTestSupport.query(data, "SELECT a.RECORD_ID FROM ALERT a JOIN ALERT_DECISION d ON d.ALERT_ID = "
                + "a.ALERT_ID WHERE d.ACTION = 'close' AND d.REASON LIKE 'no longer in the book%'")
                .forEach(r -> closed.add((String) r.get("RECORD_ID")));
        assertThat(closed).isEqualTo(left);

        // night 3, nothing changed: a delta again, against night 2's fingerprints of scheme 2, as a full screen
        Result n3 = vigil.run("screen", "counterparties", "--input", night2.toString(), "--business-date",
                "2026-11-21", "--delta");
        assertThat(n3.exitCode()).as(n3.toString()).isZero();
        assertThat(n3.out()).contains("mode: delta (against run ").doesNotContain("not counted");
        JsonNode scope3 = JsonMapper.builder().build().readTree(outputs(n3).resolve("manifest.json").toFile())
                .get("screening");
        assertThat(scope3.get("records_removed_from_book").asLong()).isZero();
        assertThat(scope3.get("records_screened_in_full").asLong()).isLessThan(customers.size() / 2);
        assertThat(hitRows(outputs(n3))).isEqualTo(hitRows(outputs(n2))).isNotEmpty();
    }

    /** hits.csv rows without the columns that depend on the alert's history (status, decision_ref). */
    private static List<String> hitRows(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        for (CSVRecord h : csv(dir.resolve("hits.csv"))) {
            List<String> cells = h.toList();
            out.add(String.join("|", cells.subList(0, cells.size() - 2)));
        }
        return out;
    }
}
