package io.vigil.batch.alerts;

import static io.vigil.batch.alerts.AlertTestSupport.contentHashes;
import static io.vigil.batch.alerts.AlertTestSupport.csv;
import static io.vigil.batch.alerts.AlertTestSupport.decisionRows;
import static io.vigil.batch.alerts.AlertTestSupport.fillDecisions;
import static io.vigil.batch.alerts.AlertTestSupport.outputs;
import static io.vigil.batch.alerts.AlertTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real alert lifecycle over two nights, on the real OFAC SDN of 2023-12-28 and then 2024-05-03: night 1 raises
 * alerts, analysts clear all but two through the workbook, night 2 screens again with customers changed and the
 * newer list, and every hit's status is checked against what changed.
 */
class AlertLifecycleFunctionalTests {

    @TempDir
    Path tmp;

    private VigilRunner vigil() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), """
                vigil:
                  registry:
                    sources: []
                  screening:
                    chunk-size: 200
                """);
        return new VigilRunner(tmp.resolve("data"), config);
    }


    @Test
    void counterparties_clearedAlertsStaySuppressed_changesReraise_undecidedStayOpen() throws Exception {
        Path lists = AlertTestSupport.sharedLists();
        assumeTrue(lists != null, "../shared/data/lists is absent: skipping the real-list lifecycle test");
        VigilRunner vigil = vigil();
        AlertTestSupport.importSdn(vigil, lists.resolve("ofac/sdn.csv"), tmp.resolve("sdn-2023-12-28"));
        Path night1File = tmp.resolve("customers-1.csv");
        Result gen = vigil.run("generate-sample", "counterparties", "--rows", "3000", "--seed", "11", "--hit-rate",
                "0.03", "--out", night1File.toString());
        assertThat(gen.exitCode()).as(gen.toString()).isZero();

        // night 1: every hit is new
        Result n1 = vigil.run("screen", "counterparties", "--input", night1File.toString(), "--business-date",
                "2026-11-20");
        assertThat(n1.exitCode()).as(n1.toString()).isZero();
        Path dir1 = outputs(n1);
        List<CSVRecord> hits1 = csv(dir1.resolve("hits.csv"));
        assertThat(hits1).hasSizeGreaterThan(40).allSatisfy(h -> assertThat(h.get("status")).isEqualTo("new"));
        Map<String, CSVRecord> night1ByAlert = new HashMap<>();
        hits1.forEach(h -> night1ByAlert.put(h.get("alert_id"), h));
        List<Map<String, String>> toDecide = decisionRows(dir1.resolve("report.xlsx"));
        assertThat(toDecide).extracting(m -> m.get("alert_id")).containsExactlyInAnyOrderElementsOf(
                night1ByAlert.keySet());

        // analysts clear all but two, through the workbook
        List<String> ids = new ArrayList<>(new TreeSet<>(night1ByAlert.keySet()));
        Set<String> undecided = Set.of(ids.get(0), ids.get(1));
        Path filled = fillDecisions(dir1.resolve("report.xlsx"), tmp.resolve("decided.xlsx"),
                row -> undecided.contains(row.get("alert_id")) ? null
                        : new String[] {"false-positive", "not the listed party: other person", "analyst.one"});
        Result imported = vigil.run("decisions", "import", filled.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains((ids.size() - 2) + " decision(s) recorded");

        // 10 customers change: five hit customers lose their type, five clean ones now carry a listed name
        List<CSVRecord> customers = csv(night1File);
        Set<String> hitRecords = new TreeSet<>();
        hits1.stream().filter(h -> !undecided.contains(h.get("alert_id"))).forEach(h -> hitRecords.add(h.get(
                "record_id")));
        Set<String> anyHit = new HashSet<>();
        hits1.forEach(h -> anyHit.add(h.get("record_id")));
        Set<String> changed = new HashSet<>();
        int typed = 0;
        int renamed = 0;
        Path night2File = tmp.resolve("customers-2.csv");
        try (var out = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(night2File,
                StandardCharsets.UTF_8), org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                        .get())) {
            out.printRecord("id", "name", "type", "date_of_birth", "country", "address");
            for (CSVRecord c : customers) {
                List<String> cells = new ArrayList<>(c.toList());
                String id = cells.get(0);
                if (hitRecords.contains(id) && typed < 5 && !cells.get(2).isEmpty()) {
                    cells.set(2, "");
                    typed++;
                    changed.add(id);
                } else if (!anyHit.contains(id) && renamed < 5 && cells.get(2).equals("person")) {
                    cells.set(1, "Choe Chol Min");
                    cells.set(3, "");
                    renamed++;
                    changed.add(id);
                }
                out.printRecord(cells);
            }
        }
        assertThat(changed).hasSize(10);

        // the newer list, then night 2
        AlertTestSupport.importSdn(vigil, lists.resolve("ofac/2024-05-03/sdn.csv"), tmp.resolve("sdn-2024-05-03"));
        Result n2 = vigil.run("screen", "counterparties", "--input", night2File.toString(), "--business-date",
                "2026-11-21");
        assertThat(n2.exitCode()).as(n2.toString()).isZero();
        Path dir2 = outputs(n2);
        List<CSVRecord> hits2 = csv(dir2.resolve("hits.csv"));

        // what changed on the listed side: the hit's entry and its linked entries, between the two snapshots
        Map<String, String> before = contentHashes(tmp.resolve("data"), 1);
        Map<String, String> after = contentHashes(tmp.resolve("data"), 2);
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        int reraisedByCustomer = 0;
        int reraisedByList = 0;
        for (CSVRecord h : hits2) {
            String alert = h.get("alert_id");
            String key = h.get("record_id") + " " + alert;
            actual.put(key, h.get("status"));
            CSVRecord old = night1ByAlert.get(alert);
            if (old == null) {
                expected.put(key, "new");
            } else if (undecided.contains(alert)) {
                expected.put(key, "open");
            } else {
                boolean customer = changed.contains(h.get("record_id"));
                boolean listed = !old.get("linked_ids").equals(h.get("linked_ids"));
                for (String id : ids(h)) {
                    listed |= !java.util.Objects.equals(before.get(id), after.get(id));
                }
                expected.put(key, customer || listed ? "reraised" : "suppressed");
                reraisedByCustomer += customer ? 1 : 0;
                reraisedByList += !customer && listed ? 1 : 0;
                if (!customer && !listed) {
                    assertThat(h.get("decision_ref")).as(key).startsWith("D-");
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(reraisedByCustomer).as("re-raised by a changed customer").isPositive();
        assertThat(reraisedByList).as("re-raised by a changed listed entry").isPositive();
        assertThat(actual.values()).contains("new", "open", "suppressed", "reraised");

        // each re-raised alert says what changed
        for (Map<String, Object> s : query(tmp.resolve("data"), "SELECT ALERT_ID, RECORD_ID, NOTE FROM "
                + "ALERT_SIGHTING WHERE STATUS = 'reraised'")) {
            String note = (String) s.get("NOTE");
            if (changed.contains((String) s.get("RECORD_ID"))) {
                assertThat(note).containsPattern("type '(individual|organization)' removed");
            } else {
                assertThat(note).containsPattern("(listed|linked) entry \\S+ (changed|added|removed) \\(snapshot 1 "
                        + "→ 2\\)");
            }
        }

        // the counts agree: hits.csv, the manifest, the workbook's Hits sheet
        Map<String, Long> fromCsv = new TreeMap<>();
        hits2.forEach(h -> fromCsv.merge(h.get("status"), 1L, Long::sum));
        JsonNode manifest = JsonMapper.builder().build().readTree(dir2.resolve("manifest.json").toFile());
        Map<String, Long> fromManifest = new TreeMap<>();
        manifest.get("counts").get("hits_by_status").properties().forEach(e -> {
            if (e.getValue().asLong() > 0) {
                fromManifest.put(e.getKey(), e.getValue().asLong());
            }
        });
        assertThat(fromManifest).isEqualTo(fromCsv);
        assertThat(n2.out()).contains(String.format(java.util.Locale.ROOT, "%,d new, %,d re-raised, %,d open, %,d "
                + "suppressed", fromCsv.getOrDefault("new", 0L), fromCsv.getOrDefault("reraised", 0L),
                fromCsv.getOrDefault("open", 0L), fromCsv.getOrDefault("suppressed", 0L)));
        WorkbookCounts.assertAgree(dir2, fromCsv);
        String pdfText;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
                dir2.resolve("report.pdf").toFile())) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(pdfText).contains(String.format(java.util.Locale.ROOT, "%,d new + %,d re-raised + %,d open + %,d "
                + "confirmed + %,d suppressed = %,d hits.", fromCsv.getOrDefault("new", 0L),
                fromCsv.getOrDefault("reraised", 0L), fromCsv.getOrDefault("open", 0L),
                fromCsv.getOrDefault("confirmed", 0L), fromCsv.getOrDefault("suppressed", 0L), hits2.size()));

        // the log is intact and pinned by the reports
        Result verify = vigil.run("decisions", "verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(manifest.get("alerts").get("decision_log_head_seq").asLong()).isGreaterThanOrEqualTo(
                ids.size() - 2);
        // and a regenerated report is byte-identical
        Result regen = vigil.run("report", "--run", manifest.get("run_id").asString(), "--out",
                tmp.resolve("regen").toString());
        assertThat(regen.exitCode()).as(regen.toString()).isZero();
        for (String f : List.of("hits.csv", "report.xlsx", "report.pdf", "manifest.json")) {
            assertThat(tmp.resolve("regen").resolve(f)).as(f).hasSameBinaryContentAs(dir2.resolve(f));
        }
    }

    private static boolean night1ByAlertRecord(List<CSVRecord> hits, String recordId) {
        return hits.stream().anyMatch(h -> h.get("record_id").equals(recordId));
    }

    private static List<String> ids(CSVRecord h) {
        List<String> out = new ArrayList<>(List.of(h.get("party_id")));
        if (!h.get("linked_ids").isEmpty()) {
            out.addAll(List.of(h.get("linked_ids").split("\\|")));
        }
        return out;
    }

    @Test
    void payments_aClearedBankPairStaysSuppressedOnLaterPayments_countryHitsStayPerPayment() throws Exception {
        Path lists = AlertTestSupport.sharedLists();
        assumeTrue(lists != null, "../shared/data/lists is absent: skipping the real-list lifecycle test");
        VigilRunner vigil = vigil();
        // the whole SDN set, aliases included
        Result imported0 = vigil.run("import-lists", "--source", "ofac-sdn-csv=" + lists.resolve("ofac"));
        assertThat(imported0.exitCode()).as(imported0.toString()).isZero();
        Path night1File = tmp.resolve("payments-1.csv");
        Path night2Raw = tmp.resolve("payments-2-raw.csv");
        assertThat(vigil.run("generate-sample", "transactions", "--rows", "1500", "--seed", "5", "--out",
                night1File.toString()).exitCode()).isZero();
        assertThat(vigil.run("generate-sample", "transactions", "--rows", "1500", "--seed", "6", "--out",
                night2Raw.toString()).exitCode()).isZero();
        // the same correspondent bank, named like a listed bank, on eight payments of each night
        plantBank(night1File, night1File);
        // night 2's payments are new payments: their own ids
        Path night2File = tmp.resolve("payments-2.csv");
        plantBank(night2Raw, night2File);
        List<String> lines = new ArrayList<>(Files.readAllLines(night2File, StandardCharsets.UTF_8));
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, "N2-" + lines.get(i));
        }
        Files.write(night2File, lines, StandardCharsets.UTF_8);

        Result n1 = vigil.run("screen", "transactions", "--input", night1File.toString(), "--business-date",
                "2026-11-20");
        assertThat(n1.exitCode()).as(n1.toString()).isZero();
        Path dir1 = outputs(n1);
        List<CSVRecord> hits1 = csv(dir1.resolve("hits.csv"));
        List<CSVRecord> bankHits1 = hits1.stream().filter(h -> h.get("field").endsWith("_bank")
                && h.get("screened_value").equals(BANK)).toList();
        assertThat(bankHits1).as("payments naming " + BANK + " hit a listed party").hasSizeGreaterThan(5);
        // one alert for the pair however many payments name the bank
        assertThat(bankHits1.stream().map(h -> h.get("alert_id") + h.get("party_id")).distinct()).hasSizeLessThan(
                bankHits1.size());
        List<Map<String, String>> toDecide = decisionRows(dir1.resolve("report.xlsx"));
        Set<String> alerts1 = new TreeSet<>();
        hits1.forEach(h -> alerts1.add(h.get("alert_id")));
        assertThat(toDecide).hasSize(alerts1.size());
        List<String> ids = new ArrayList<>(alerts1);
        Set<String> bankAlerts = new HashSet<>();
        bankHits1.forEach(h -> bankAlerts.add(h.get("alert_id")));
        ids.removeAll(bankAlerts);
        Set<String> undecided = Set.of(ids.get(0), ids.get(1));
        Path filled = fillDecisions(dir1.resolve("report.xlsx"), tmp.resolve("decided.xlsx"),
                row -> undecided.contains(row.get("alert_id")) ? null
                        : new String[] {"false-positive", "the bank is not the listed party", "analyst.two"});
        Result imported = vigil.run("decisions", "import", filled.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        Result n2 = vigil.run("screen", "transactions", "--input", night2File.toString(), "--business-date",
                "2026-11-21");
        assertThat(n2.exitCode()).as(n2.toString()).isZero();
        List<CSVRecord> hits2 = csv(outputs(n2).resolve("hits.csv"));
        List<CSVRecord> bankHits2 = hits2.stream().filter(h -> bankAlerts.contains(h.get("alert_id"))).toList();
        assertThat(bankHits2).as("night 2 payments naming the cleared bank").hasSizeGreaterThan(5)
                .allSatisfy(h -> {
                    assertThat(h.get("record_id")).startsWith("N2-");
                    assertThat(h.get("status")).isEqualTo("suppressed");
                    assertThat(h.get("decision_ref")).startsWith("D-");
                });
        // every payment has its own row, and an embargoed-country hit is per payment: new on each new payment
        assertThat(hits2).filteredOn(h -> h.get("party_id").isEmpty() && h.get("field").endsWith("_country"))
                .isNotEmpty().allSatisfy(h -> assertThat(h.get("status")).isEqualTo("new"));
        assertThat(hits2).filteredOn(h -> undecided.contains(h.get("alert_id")))
                .allSatisfy(h -> assertThat(h.get("status")).isEqualTo("open"));
    }

    private static final String BANK = "Banco Nacional de Cuba";

    /** Writes {@code from} to {@code to} with {@link #BANK} as the beneficiary's bank of eight payments. */
    private static void plantBank(Path from, Path to) throws Exception {
        List<CSVRecord> rows = csv(from);
        try (var out = new org.apache.commons.csv.CSVPrinter(Files.newBufferedWriter(to, StandardCharsets.UTF_8),
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            out.printRecord(rows.get(0).getParser().getHeaderNames());
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = new ArrayList<>(rows.get(i).toList());
                if (i % 150 == 7) {
                    cells.set(rows.get(0).getParser().getHeaderNames().indexOf("beneficiary_bank"), BANK);
                }
                out.printRecord(cells);
            }
        }
    }
}
