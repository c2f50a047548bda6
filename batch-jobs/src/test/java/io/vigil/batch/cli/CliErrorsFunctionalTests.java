package io.vigil.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.TestDatabase;
import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a new user or a bad night brings: each gives one clear line naming the file, line or record and the
 * reason, the documented exit code, and never a stack trace on the console; one bad row never costs the night.
 */
class CliErrorsFunctionalTests {

    @TempDir
    Path tmp;

    VigilRunner vigil;

    @BeforeEach
    void setUp() throws Exception {
        vigil = VigilRunner.withDemoRegistry(tmp, """
                  registry:
                    sources: []
                """);
    }

    private static void assertNoStackTrace(Result r) {
        assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception:")
                .doesNotContain("Caused by");
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private Path runDir(String date) throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("data/runs").resolve(date))) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }

    @Test
    void unterminatedQuote_costsOnlyItsOwnRecord_andTheNightCompletes() throws Exception {
        Path input = tmp.resolve("quote.csv");
        Files.writeString(input, """
                id,name,type,date_of_birth,country,address
                C001,Kim Min-jun,person,1990,KR,Seoul
                C002,"Broken quote,person,1980,KR,Seoul
                C003,Choi Cheol-min,person,1978,CN,"Beijing, China"
                C004,Jeon Il-ho,person,1956-02-20,KP,Pyongyang
                """, StandardCharsets.UTF_8);
        Result r = vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date",
                "2026-11-20");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("4 read = 3 screened + 1 rejected");
        assertNoStackTrace(r);
        Path dir = runDir("2026-11-20");
        assertThat(csv(dir.resolve("hits.csv"))).extracting(h -> h.get("record_id")).contains("C003", "C004");
        assertThat(csv(dir.resolve("rejects.csv"))).singleElement().satisfies(rej -> {
            assertThat(rej.get("line")).isEqualTo("3");
            assertThat(rej.get("reason")).contains("quote");
        });
        // outputs are published whole: no partial directory is left beside the run directory
        try (Stream<Path> s = Files.list(dir.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        assertThat(dir.resolve("manifest.json")).exists();
    }

    @Test
    void duplicateIds_andFormulaValues_areRejectedOrNeutralisedInTheCsvOutputs() throws Exception {
        Path input = tmp.resolve("dup.csv");
        Files.writeString(input, "id,name,type,date_of_birth,country,address\n"
                + "C001,=Choi Cheol-min,person,1978,CN,Beijing\n"
                + "C001,Kim Min-jun,person,1990,KR,Seoul\n"
                + "@C9,Lee Seo-yeon,person,1994,KR,\"Busan\"\n", StandardCharsets.UTF_8);
        Result r = vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date",
                "2026-11-21");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path dir = runDir("2026-11-21");
        assertThat(csv(dir.resolve("rejects.csv"))).anySatisfy(rej -> {
            assertThat(rej.get("line")).isEqualTo("3");
            assertThat(rej.get("reason")).contains("repeats the id").contains("line 2");
        });
        assertThat(csv(dir.resolve("hits.csv"))).anySatisfy(h -> {
            assertThat(h.get("screened_value")).isEqualTo("'=Choi Cheol-min");
            assertThat(h.get("party_id")).isEqualTo("ofac:43598");
        });
        assertThat(Files.readString(dir.resolve("hits.csv"))).doesNotContain("\n=").doesNotContain(",=");
    }

    @Test
    void pacs009_isRefusedByItsNamespace_inOneLine() throws Exception {
        Path input = tmp.resolve("pacs009.xml");
        Files.writeString(input, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- looks like pacs.008 to a substring search -->
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08">
                  <FICdtTrf><GrpHdr><MsgId>pacs.008</MsgId></GrpHdr></FICdtTrf>
                </Document>
                """, StandardCharsets.UTF_8);
        Result r = vigil.run("screen", "transactions", "--input", input.toString(), "--business-date",
                "2026-11-22");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("pacs009.xml").contains("pacs.009");
        assertThat(r.err().strip().lines()).hasSizeLessThanOrEqualTo(2);
        assertNoStackTrace(r);
    }

    @Test
    void unknownExecution_isAUsageError_andTheUsageHintNamesTheCommand() {
        Result restart = vigil.run("restart", "99999");
        assertThat(restart.exitCode()).isEqualTo(2);
        assertThat(restart.err()).contains("no job execution 99999");
        assertNoStackTrace(restart);
        Result usage = vigil.run("screen", "counterparties");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Run 'vigil screen counterparties --help'").doesNotContain("vigil vigil");
    }

    @Test
    void killedImport_isMarkedFailedByTheNextImport() throws Exception {
        // an import whose process was killed: its execution is left STARTED
        try (Connection c = TestDatabase.connect(tmp.resolve("data"));
                Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE "
                    + "JOB_INSTANCE_ID IN (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = "
                    + "'importListsJob')")).isEqualTo(1);
        }
        assertThat(vigil.run("jobs").out()).containsPattern("importListsJob\\s+-\\s+STARTED");
        assertThat(vigil.importDemoSdnAndNotices(tmp).exitCode()).isZero();
        Result jobs = vigil.run("jobs");
        assertThat(jobs.out()).containsPattern("importListsJob\\s+-\\s+FAILED")
                .containsPattern("importListsJob\\s+-\\s+COMPLETED").doesNotContain("STARTED");
    }
}
