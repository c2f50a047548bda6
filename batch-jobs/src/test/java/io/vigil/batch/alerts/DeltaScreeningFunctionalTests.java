package io.vigil.batch.alerts;

import static io.vigil.batch.alerts.AlertTestSupport.csv;
import static io.vigil.batch.alerts.AlertTestSupport.outputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import io.vigil.registry.match.normalize.NameVariants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * Delta screening on the real list change: a 50,000-customer book screened against the OFAC SDN of 2023-12-28,
 * then, after the SDN of 2024-05-03 is imported and 1% of the customers change (and some leave and join), screened
 * with {@code --delta} and again in full. The two runs give the same hits with the same scores, record by record,
 * and the delta screened in full only the records it had to.
 */
class DeltaScreeningFunctionalTests {

    @TempDir
    Path tmp;

    private VigilRunner vigil() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), """
                vigil:
                  registry:
                    sources: []
                  screening:
                    delta:
                      full-schedule: never
                """);
        return new VigilRunner(tmp.resolve("data"), config);
    }


    @Test
    void deltaGivesExactlyTheHitsOfAFullScreen_onTheRealSdnChange() throws Exception {
        Path lists = AlertTestSupport.sharedLists();
        assumeTrue(lists != null, "../shared/data/lists is absent: skipping the real-list delta test");
        VigilRunner vigil = vigil();
        AlertTestSupport.importSdn(vigil, lists.resolve("ofac/sdn.csv"), tmp.resolve("sdn-2023-12-28"));
        Path night1 = tmp.resolve("customers-1.csv");
        Result gen = vigil.run("generate-sample", "counterparties", "--rows", "50000", "--seed", "23", "--hit-rate",
                "0.02", "--out", night1.toString());
        assertThat(gen.exitCode()).as(gen.toString()).isZero();

        // a book never screened before is screened in full, even when a delta is asked for
        Result n1 = vigil.run("screen", "counterparties", "--input", night1.toString(), "--business-date",
                "2026-11-19", "--delta");
        assertThat(n1.exitCode()).as(n1.toString()).isZero();
        assertThat(n1.out()).contains("mode: full (book counterparties was never screened before)");
        List<CSVRecord> hits1 = csv(outputs(n1).resolve("hits.csv"));
        Set<String> hadHits = new HashSet<>();
        hits1.forEach(h -> hadHits.add(h.get("record_id")));

        // 1% of the customers change (name, date of birth or type), 20 leave, 20 join
        List<CSVRecord> customers = csv(night1);
        Set<String> changedOrNew = new TreeSet<>();
        Set<String> left = new TreeSet<>();
        Set<String> longUnchanged = new TreeSet<>();
        Path night2 = tmp.resolve("customers-2.csv");
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(night2, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            out.printRecord("id", "name", "type", "date_of_birth", "country", "address");
            int i = 0;
            for (CSVRecord c : customers) {
                List<String> cells = new ArrayList<>(c.toList());
                String id = cells.get(0);
                i++;
                if (i % 2500 == 7) {
                    left.add(id);
                    continue;
                }
                if (i % 100 == 13) {
                    switch (i % 3) {
                        case 0 -> cells.set(1, cells.get(1) + " Junior");
                        case 1 -> cells.set(3, cells.get(3).isEmpty() ? "1971" : "");
                        default -> cells.set(2, cells.get(2).isEmpty() ? "organization" : "");
                    }
                    changedOrNew.add(id);
                } else if (!hadHits.contains(id) && NameVariants.of(cells.get(1)).stream()
                        .anyMatch(v -> v.kind() == NameVariants.Kind.LEADING)) {
                    longUnchanged.add(id);
                }
                out.printRecord(cells);
            }
            // newcomers, some of them designated on 2024-05-03 only
            String[] names = {"Choe Chol Min", "Choe Un Jong", "Kim Min-jun", "Ivan Petrov", "Maria Garcia"};
            for (int k = 0; k < 20; k++) {
                String id = "NEW" + k;
                out.printRecord(id, names[k % names.length], k % 2 == 0 ? "person" : "", "", "", "");
                changedOrNew.add(id);
            }
        }

        AlertTestSupport.importSdn(vigil, lists.resolve("ofac/2024-05-03/sdn.csv"), tmp.resolve("sdn-2024-05-03"));
        Result delta = vigil.run("screen", "counterparties", "--input", night2.toString(), "--business-date",
                "2026-11-20", "--delta");
        assertThat(delta.exitCode()).as(delta.toString()).isZero();
        assertThat(delta.out()).contains("mode: delta (against run ");
        Path deltaDir = outputs(delta);
        Result full = vigil.run("screen", "counterparties", "--input", night2.toString(), "--business-date",
                "2026-11-20", "--full", "--rerun");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(full.out()).contains("mode: full (--full requested)");
        Path fullDir = outputs(full);

        // the same hits, record by record, with the same scores, parties, names and citations
        List<String> deltaHits = hitRows(deltaDir);
        List<String> fullHits = hitRows(fullDir);
        assertThat(deltaHits).hasSizeGreaterThan(500).isEqualTo(fullHits);
        assertThat(fullHits).anyMatch(h -> h.startsWith("NEW0|"));

        // the delta screened in full exactly the new and changed records, those that had hits, and long names
        Set<String> remainingWithHits = new TreeSet<>(hadHits);
        remainingWithHits.removeAll(left);
        remainingWithHits.removeAll(changedOrNew);
        JsonNode scope = JsonMapper.builder().build().readTree(deltaDir.resolve("manifest.json").toFile())
                .get("screening");
        assertThat(scope.get("mode").asString()).isEqualTo("delta");
        long read = 50_000 - left.size() + 20;
        assertThat(scope.get("records_screened_in_full").asLong()).isEqualTo(changedOrNew.size()
                + remainingWithHits.size() + longUnchanged.size());
        assertThat(scope.get("records_screened_against_changed_parties").asLong()).isEqualTo(read
                - scope.get("records_screened_in_full").asLong());
        assertThat(scope.get("records_removed_from_book").asLong()).isEqualTo(left.size());
        assertThat(scope.get("parties_added").asLong()).isGreaterThan(1000);
        assertThat(scope.get("parties_screened_against").asLong()).isEqualTo(scope.get("parties_added").asLong()
                + scope.get("parties_changed").asLong());
        assertThat(changedOrNew.size()).isBetween(500, 540);
        // the workbook says how the run screened, for the auditor
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                deltaDir.resolve("report.xlsx").toFile(), null, true)) {
            List<String> texts = new ArrayList<>();
            wb.getSheet("Summary").forEach(row -> row.forEach(cell -> texts.add(cell.toString())));
            assertThat(texts).anyMatch(t -> t.startsWith("delta (against run ") && t.contains(
                    "added or changed parties"));
        }

        // the undecided alerts of the customers who left are closed by the system, with the reason
        Set<String> leftWithHits = new TreeSet<>(left);
        leftWithHits.retainAll(hadHits);
        assumeTrue(!leftWithHits.isEmpty(), "no customer with hits left the book in this sample");
        List<java.util.Map<String, Object>> closed = AlertTestSupport.query(tmp.resolve("data"), "SELECT a.RECORD_ID, "
                + "d.REVIEWER, d.REASON FROM ALERT a JOIN ALERT_DECISION d ON d.ALERT_ID = a.ALERT_ID WHERE a.STATE = "
                + "'closed' AND d.ACTION = 'close'");
        Set<String> closedRecords = new TreeSet<>();
        closed.forEach(r -> {
            closedRecords.add((String) r.get("RECORD_ID"));
            assertThat(r.get("REVIEWER")).isEqualTo("vigil");
            assertThat((String) r.get("REASON")).startsWith("no longer in the book");
        });
        assertThat(closedRecords).isEqualTo(leftWithHits);
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
