package io.vigil.batch.alerts;

import static io.vigil.batch.alerts.AlertTestSupport.csv;
import static io.vigil.batch.alerts.AlertTestSupport.outputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lookback on the real list change: payments to two parties no list names on 2023-12-28 (FLY BAGHDAD AIRLINES
 * COMPANY, ent 39236, and MORALES CIFUENTES, Juan Jose, ent 37976, both on the SDN of 2024-05-03) are screened
 * against the SDN of 2023-12-28 and raise nothing on them; after the newer SDN is imported, the lookback finds exactly
 * those payments, with their business dates, and cites the new designations.
 */
class LookbackFunctionalTests {

    @TempDir
    Path tmp;

    @Test
    void lookbackFindsPastPaymentsToNewlyDesignatedParties() throws Exception {
        Path lists = AlertTestSupport.sharedLists();
        assumeTrue(lists != null, "../shared/data/lists is absent: skipping the real-list lookback test");
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "vigil:\n  registry:\n    sources: []\n");
        VigilRunner vigil = new VigilRunner(tmp.resolve("data"), config);
        AlertTestSupport.importSdn(vigil, lists.resolve("ofac/sdn.csv"), tmp.resolve("sdn-2023-12-28"));

        // two nights of payments; three of them pay the parties designated later
        Map<String, String> planted = new TreeMap<>();
        for (int night = 0; night < 2; night++) {
            Path file = tmp.resolve("payments-" + night + ".csv");
            Result gen = vigil.run("generate-sample", "transactions", "--rows", "1500", "--seed", "7" + night,
                    "--hit-rate", "0", "--out", file.toString());
            assertThat(gen.exitCode()).as(gen.toString()).isZero();
            List<CSVRecord> rows = csv(file);
            String date = "2026-11-1" + (7 + night);
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                out.printRecord(rows.get(0).getParser().getHeaderNames());
                for (int i = 0; i < rows.size(); i++) {
                    List<String> cells = new ArrayList<>(rows.get(i).toList());
                    String id = cells.get(0);
                    if (i == 100 + night) {
                        cells.set(7, "Fly Baghdad Airlines Company");
                        planted.put(date + "/" + id, "ofac:39236");
                    } else if (night == 1 && i == 400) {
                        cells.set(4, "Juan Jose Morales Cifuentes");
                        planted.put(date + "/" + id, "ofac:37976");
                    }
                    out.printRecord(cells);
                }
            }
            Result r = vigil.run("screen", "transactions", "--input", file.toString(), "--business-date", date);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(csv(outputs(r).resolve("hits.csv"))).noneMatch(h -> planted.containsValue(h.get("party_id")));
        }

        AlertTestSupport.importSdn(vigil, lists.resolve("ofac/2024-05-03/sdn.csv"), tmp.resolve("sdn-2024-05-03"));
        Result lb = vigil.run("lookback", "--business-date", "2026-11-20", "--days", "10");
        assertThat(lb.exitCode()).as(lb.toString()).isZero();
        assertThat(lb.out()).contains("mode: lookback").contains("3,000 payments of 2026-11-11 to 2026-11-20");
        Path dir = outputs(lb);
        List<CSVRecord> hits = csv(dir.resolve("hits.csv"));

        // exactly the planted payments on the two parties, with the payment's date and the new designation cited
        Map<String, String> found = new TreeMap<>();
        for (CSVRecord h : hits) {
            if (planted.containsValue(h.get("party_id"))) {
                found.put(h.get("record_id"), h.get("party_id"));
                assertThat(h.get("decision")).isEqualTo("alert");
                assertThat(h.get("authorities")).contains("OFAC");
                assertThat(h.get("citations")).isNotBlank();
                assertThat(h.get("listing_dates")).isNotNull();
            }
        }
        assertThat(found).isEqualTo(planted);
        // every hit is on a party the newer snapshot added or changed
        JsonNode manifest = JsonMapper.builder().build().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("screening").get("mode").asString()).isEqualTo("lookback");
        assertThat(manifest.get("screening").get("parties_added").asLong()).isGreaterThan(1000);
        Map<String, String> before = AlertTestSupport.contentHashes(tmp.resolve("data"), 1);
        Map<String, String> after = AlertTestSupport.contentHashes(tmp.resolve("data"), 2);
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.get("record_id")).matches("2026-11-1[78]/.+");
            String party = h.get("party_id");
            boolean addedOrChanged = !before.containsKey(party) || !before.get(party).equals(after.get(party))
                    || !h.get("linked_ids").isEmpty();
            assertThat(addedOrChanged).as("hit on %s", party).isTrue();
        });
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
                dir.resolve("report.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text.replaceAll("\\s+", " ")).contains("Vigil lookback report");
        }

        // the same lookback again: already completed; payments after the import find nothing new
        Result again = vigil.run("lookback", "--business-date", "2026-11-20", "--days", "10");
        assertThat(again.out()).contains("already completed");
        Result purge = vigil.run("purge", "--before", "2026-11-18");
        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        assertThat(purge.out()).contains("1,500 records");
    }

}
