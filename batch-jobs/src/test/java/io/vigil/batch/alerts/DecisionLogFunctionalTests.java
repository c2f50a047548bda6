package io.vigil.batch.alerts;

import static io.vigil.batch.alerts.AlertTestSupport.csv;
import static io.vigil.batch.alerts.AlertTestSupport.decisionRows;
import static io.vigil.batch.alerts.AlertTestSupport.fillDecisions;
import static io.vigil.batch.alerts.AlertTestSupport.outputs;
import static io.vigil.batch.alerts.AlertTestSupport.query;
import static io.vigil.batch.alerts.AlertTestSupport.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.batch.TestDatabase;
import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import io.vigil.registry.alert.AlertDecision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Decisions on the demo registry: the CLI, the all-or-nothing import, conflicts, four eyes, expiry, revocation and
 * the tamper-evident log.
 */
class DecisionLogFunctionalTests {

    @TempDir
    Path tmp;

    private static final String CUSTOMERS = """
            id,name,type,date_of_birth,country,address
            C001,Choi Cheol-min,person,1978,CN,"Beijing, China"
            C002,Kim Min-jun,person,1990,KR,Seoul
            C003,Jeon Il-ho,person,1956-02-20,KP,Pyongyang
            C004,Kim Soo-gil,person,1950,KP,Pyongyang
            """;

    private VigilRunner vigil(String alerts) throws Exception {
        return VigilRunner.withDemoRegistry(tmp, """
                  registry:
                    sources: []
                  alerts:
                """ + alerts);
    }

    private Path night(VigilRunner vigil, String date, String content) throws Exception {
        Path file = tmp.resolve("customers-" + date + ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Result r = vigil.run("screen", "counterparties", "--input", file.toString(), "--business-date", date);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return outputs(r);
    }

    private static String alertOf(Path dir, String recordId) throws Exception {
        return csv(dir.resolve("hits.csv")).stream().filter(h -> h.get("record_id").equals(recordId)).findFirst()
                .orElseThrow().get("alert_id");
    }

    private static Map<String, String> statuses(Path dir) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (CSVRecord h : csv(dir.resolve("hits.csv"))) {
            out.put(h.get("record_id"), h.get("status") + (h.get("decision_ref").isEmpty() ? "" : " "
                    + h.get("decision_ref")));
        }
        return out;
    }

    @Test
    void decide_thenNextNight_suppressedConfirmedOpen_andEditedRowIsNamedByVerify() throws Exception {
        VigilRunner vigil = vigil("    four-eyes: false\n");
        Path n1 = night(vigil, "2026-11-20", CUSTOMERS);
        assertThat(statuses(n1)).containsOnlyKeys("C001", "C003", "C004").allSatisfy((k, v) ->
                assertThat(v).isEqualTo("new"));

        Result cleared = vigil.run("decide", alertOf(n1, "C001"), "--as", "false-positive", "--reason",
                "customer is a different person", "--by", "alice");
        Result confirmed = vigil.run("decide", alertOf(n1, "C003"), "--as", "true-match", "--reason", "same person",
                "--by", "bob");
        assertThat(cleared.exitCode()).as(cleared.toString()).isZero();
        assertThat(cleared.out()).contains("D-1").contains("alert is now cleared");
        assertThat(confirmed.out()).contains("D-2").contains("alert is now confirmed");

        Path n2 = night(vigil, "2026-11-21", CUSTOMERS);
        assertThat(statuses(n2)).containsEntry("C001", "suppressed D-1").containsEntry("C003", "confirmed D-2")
                .containsEntry("C004", "open");
        Result listed = vigil.run("alerts", "--status", "suppressed", "--json");
        assertThat(listed.out()).contains(alertOf(n1, "C001")).contains("\"reviewer\" : \"alice\"")
                .doesNotContain(alertOf(n1, "C003"));

        // an intact log verifies; a row edited in the database is named, with exit 3
        assertThat(vigil.run("decisions", "verify").exitCode()).isZero();
        assertThat(update(tmp.resolve("data"), "UPDATE ALERT_DECISION SET REASON = 'edited' WHERE SEQ = 1"))
                .isEqualTo(1);
        Result broken = vigil.run("decisions", "verify");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(3);
        assertThat(broken.err()).contains("row D-1").contains("edited");
    }

    @Test
    void deletedLastRow_isFoundThroughTheHeadARunRecorded() throws Exception {
        VigilRunner vigil = vigil("    four-eyes: false\n");
        Path n1 = night(vigil, "2026-11-20", CUSTOMERS);
        vigil.run("decide", alertOf(n1, "C001"), "--as", "escalate", "--reason", "check passport", "--by", "alice");
        night(vigil, "2026-11-21", CUSTOMERS);
        update(tmp.resolve("data"), "DELETE FROM ALERT_DECISION WHERE SEQ = 1");
        Result broken = vigil.run("decisions", "verify");
        assertThat(broken.exitCode()).isEqualTo(3);
        assertThat(broken.err()).contains("row D-1").contains("deleted");
    }

    @Test
    void changedCustomer_reraisesWithWhatChanged_andAReraisedAlertIsOpenTheNightAfter() throws Exception {
        VigilRunner vigil = vigil("    four-eyes: false\n");
        Path n1 = night(vigil, "2026-11-20", CUSTOMERS);
        vigil.run("decide", alertOf(n1, "C001"), "--as", "false-positive", "--reason", "other person", "--by",
                "alice");
        String changed = CUSTOMERS.replace("C001,Choi Cheol-min,person,1978,CN", "C001,Choi Cheol-min,person,1979,CN");
        Path n2 = night(vigil, "2026-11-21", changed);
        assertThat(statuses(n2)).containsEntry("C001", "reraised D-1");
        List<Map<String, Object>> notes = query(tmp.resolve("data"), "SELECT NOTE FROM ALERT_SIGHTING WHERE "
                + "STATUS = 'reraised'");
        assertThat(notes).singleElement().satisfies(n -> assertThat((String) n.get("NOTE"))
                .contains("date of birth changed from 1978 to 1979"));
        // the system logged the re-raise; the alert is open work again
        Result export = vigil.run("decisions", "export");
        assertThat(export.out()).contains("D-2,2," + alertOf(n1, "C001") + ",reopen,vigil");
        Path n3 = night(vigil, "2026-11-22", changed);
        assertThat(statuses(n3)).containsEntry("C001", "open D-2");
    }

    @Test
    void fourEyes_clearanceTakesEffectOnlyWhenASecondReviewerApproves() throws Exception {
        VigilRunner vigil = vigil("    four-eyes: true\n");
        Path n1 = night(vigil, "2026-11-20", CUSTOMERS);
        String alert = alertOf(n1, "C001");
        assertThat(vigil.run("decide", alert, "--as", "false-positive", "--reason", "other person", "--by", "alice")
                .out()).contains("awaiting a second reviewer");
        assertThat(statuses(night(vigil, "2026-11-21", CUSTOMERS))).containsEntry("C001", "open D-1");
        Result self = vigil.run("decide", alert, "--as", "false-positive", "--approve", "--reason", "ok", "--by",
                "alice");
        assertThat(self.exitCode()).isEqualTo(2);
        assertThat(self.err()).contains("different reviewer");
        Result approved = vigil.run("decide", alert, "--as", "false-positive", "--approve", "--reason",
                "agree", "--by", "bob");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(statuses(night(vigil, "2026-11-22", CUSTOMERS))).containsEntry("C001", "suppressed D-1");
    }

    @Test
    void expiredClearance_isReraisedForPeriodicReview_andRevokeReopens() throws Exception {
        VigilRunner vigil = vigil("    clearance-expiry: P30D\n");
        Path n1 = night(vigil, "2026-11-20", CUSTOMERS);
        vigil.run("decide", alertOf(n1, "C001"), "--as", "false-positive", "--reason", "other person", "--by",
                "alice");
        vigil.run("decide", alertOf(n1, "C004"), "--as", "false-positive", "--reason", "other person", "--by",
                "alice");
        Result revoke = vigil.run("decide", alertOf(n1, "C004"), "--as", "revoke", "--reason", "cleared in error",
                "--by", "bob");
        assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
        // the clearance was recorded today (the clock): a business date two months later is past P30D
        String later = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60).toString();
        Path n2 = night(vigil, later, CUSTOMERS);
        assertThat(statuses(n2)).containsEntry("C001", "reraised D-1").containsEntry("C004", "open D-3");
        assertThat((String) query(tmp.resolve("data"), "SELECT NOTE FROM ALERT_SIGHTING WHERE STATUS = "
                + "'reraised'").get(0).get("NOTE")).contains("expired after P30D");
    }

    @Test
    void import_oneBadRowRefusesTheWholeFile_namingEveryBadRow_andConflictsAreNotOverwritten() throws Exception {
        VigilRunner vigil = vigil("    four-eyes: false\n");
        Path n1 = night(vigil, "2026-11-20", CUSTOMERS);
        List<Map<String, String>> rows = decisionRows(n1.resolve("report.xlsx"));
        assertThat(rows).hasSize(3);
        // one row has no reviewer: nothing is recorded, and the row is named
        Path bad = fillDecisions(n1.resolve("report.xlsx"), tmp.resolve("bad.xlsx"), row -> switch (row.get(
                "record_id")) {
            case "C001" -> new String[] {"false-positive", "other person", "alice"};
            case "C003" -> new String[] {"true-match", "same person", ""};
            default -> new String[] {"maybe", "unsure", "alice"};
        });
        Result refused = vigil.run("decisions", "import", bad.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err()).contains("no reviewer").contains("'maybe' is not allowed")
                .containsPattern("Decisions row \\d+: no reviewer").contains("no decision recorded");
        assertThat(vigil.run("decisions", "export").out().strip().lines()).hasSize(1);

        // a CSV with the same columns works; an alert decided since the workbook was written is a conflict
        Path csvFile = tmp.resolve("decisions.csv");
        Files.writeString(csvFile, "alert_id,decision,reason,reviewer\n" + alertOf(n1, "C004")
                + ",escalate,needs passport,carol\n");
        Result csvImport = vigil.run("decisions", "import", csvFile.toString());
        assertThat(csvImport.exitCode()).as(csvImport.toString()).isZero();
        Path stale = fillDecisions(n1.resolve("report.xlsx"), tmp.resolve("stale.xlsx"), row ->
                row.get("record_id").equals("C004") ? new String[] {"false-positive", "fine", "dave"} : null);
        Result conflict = vigil.run("decisions", "import", stale.toString());
        assertThat(conflict.exitCode()).isEqualTo(3);
        assertThat(conflict.err()).contains("conflict").contains("D-1 escalate by carol");
        Result unknown = vigil.run("decide", "A-0000000000000000", "--as", "escalate", "--reason", "x", "--by", "x");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown alert A-0000000000000000");
    }

    @Test
    void decisionsFromTwoProcesses_onPostgresql_waitForEachOther_andTheChainStaysWhole() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "one process at a time holds an H2 file");
        VigilRunner vigil = vigil("    four-eyes: false\n");
        Path n1 = night(vigil, "2026-11-20", CUSTOMERS);
        Result first = vigil.run("decide", alertOf(n1, "C003"), "--as", "true-match", "--reason", "same person",
                "--by", "bob");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Path data = tmp.resolve("data");
        // given: another process is appending a decision to the log, in a transaction not yet committed
        try (Connection other = TestDatabase.connect(data); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            DecisionLog otherLog = new DecisionLog(new JdbcTemplate(new SingleConnectionDataSource(other, true)));
            otherLog.lockForAppend();
            AlertDecision d1 = otherLog.forAlert(alertOf(n1, "C003")).get(0);
            otherLog.append(List.of(new AlertDecision(0, d1.alertId(), d1.action(), "carol", d1.decidedAt(),
                    "second look", d1.runId(), d1.snapshotId(), d1.subject(), d1.listed(), 0, "", "")));

            // when: a reviewer decides meanwhile
            String c001 = alertOf(n1, "C001");
            CompletableFuture<Result> decided = CompletableFuture.supplyAsync(() -> vigil.run("decide", c001, "--as", "false-positive", "--reason", "customer is a different person",
                    "--by", "alice"));

            // then: the decision waits for the other writer (before it reads the log's head, so it does not collide
            // with the other's row), and goes through once that one has committed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (waitingForTheLog(st) == 0 && !decided.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(decided).as("the decision waits for the other writer").isNotDone();
            other.commit();
            Result r = decided.get(120, TimeUnit.SECONDS);
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
        assertThat(query(data, "SELECT SEQ FROM ALERT_DECISION ORDER BY SEQ")).extracting(m -> m.get("SEQ"))
                .map(Object::toString).containsExactly("1", "2", "3");
        Result verified = vigil.run("decisions", "verify");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
    }

    /** Sessions waiting for a lock on ALERT_DECISION. */
    private static int waitingForTheLog(Statement st) throws Exception {
        try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = "
                + "l.relation WHERE c.relname = 'alert_decision' AND NOT l.granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
