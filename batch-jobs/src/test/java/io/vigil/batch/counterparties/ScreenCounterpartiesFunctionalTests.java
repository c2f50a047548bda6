package io.vigil.batch.counterparties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives {@code vigil screen counterparties} as a scheduler would, and reads back what the run wrote. */
class ScreenCounterpartiesFunctionalTests {

    @TempDir
    Path tmp;

    VigilRunner vigil;
    Path input;

    @BeforeEach
    void setUp() throws Exception {
        vigil = VigilRunner.withDemoRegistry(tmp, """
                  registry:
                    sources: []
                  screening:
                    chunk-size: 3
                    skip-limit: 5
                """);
        input = tmp.resolve("counterparties.csv");
        Files.writeString(input, """
                id,name,type,date_of_birth,country,address
                C001,Choi Cheol-min,person,1978,CN,"Beijing, China"
                C002,Kim Min-jun,person,1990,KR,Seoul
                C003,,person,1980,KR,missing name
                C004,Golden Lotus Trading LLC,organization,,SG,Singapore
                C005,Jeon Il-ho,person,1956-02-20,KP,Pyongyang
                C006,Maria Fernanda Lopez,person,13/01/1985,MX,bad date
                C007,=HYPERLINK("http://x"),person,,,formula-looking name
                """, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private Path runDir() throws Exception {
        try (Stream<Path> s = Files.walk(tmp.resolve("data/runs"))) {
            return s.filter(p -> p.getFileName().toString().equals("hits.csv")).findFirst().orElseThrow()
                    .getParent();
        }
    }

    @Test
    void screen_findsThePlantedVariant_writesHitsRejectsAndManifest() throws Exception {
        // when
        Result r = vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date",
                "2026-11-20");
        // then the run completed and the figures add up
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("7 read = 5 screened + 2 rejected");
        Path dir = runDir();
        assertThat(dir.toString()).contains("2026-11-20").contains("screenCounterpartiesJob-");
        List<CSVRecord> hits = csv(dir.resolve("hits.csv"));
        assertThat(hits).anySatisfy(h -> {
            assertThat(h.get("record_id")).isEqualTo("C001");
            assertThat(h.get("field")).isEqualTo("name");
            assertThat(h.get("party_id")).isEqualTo("ofac:43598");
            assertThat(h.get("decision")).isEqualTo("alert");
            assertThat(h.get("authorities")).contains("OFAC");
            assertThat(h.get("programs")).contains("NPWMD");
            assertThat(h.get("citations")).contains("E.O. 13382");
        });
        assertThat(hits).anySatisfy(h -> assertThat(h.get("record_id") + h.get("party_id")).isIn(
                "C005ofac:39496", "C005notice:jon-il-ho", "C005eu:1001"));
        assertThat(hits).noneMatch(h -> h.get("record_id").equals("C002") && h.get("decision").equals("alert"));
        assertThat(Files.readString(dir.resolve("hits.csv"))).startsWith(
                "record_id,field,screened_value,party_id,linked_ids,matched_name,score,decision,authorities,"
                        + "programs,listing_dates,citations,alert_id,status,decision_ref\n");
        List<CSVRecord> rejects = csv(dir.resolve("rejects.csv"));
        assertThat(rejects).extracting(x -> x.get("line") + " " + x.get("record_id")).containsExactly("4 C003",
                "7 C006");
        assertThat(rejects.get(1).get("reason")).contains("13/01/1985");
        JsonNode manifest = JsonMapper.builder().build().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("business_date").asString()).isEqualTo("2026-11-20");
        assertThat(manifest.get("inputs").get(0).get("sha256").asString()).isEqualTo(
                io.vigil.registry.source.Hashing.sha256(input));
        assertThat(manifest.get("counts").get("records_read").asLong()).isEqualTo(7);
        assertThat(manifest.get("registry").get("snapshot_id").asLong()).isEqualTo(1);
        assertThat(manifest.get("outputs").toString()).contains("hits.csv").contains(
                io.vigil.registry.source.Hashing.sha256(dir.resolve("hits.csv")));
    }

    @Test
    void screen_sameNightTwice_saysAlreadyCompleted_unlessRerun() throws Exception {
        assertThat(vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date",
                "2026-11-20").exitCode()).isZero();
        Result again = vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date",
                "2026-11-20");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already completed");
        Result rerun = vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date",
                "2026-11-20", "--rerun");
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).doesNotContain("already completed").contains("7 read");
        Result jobs = vigil.run("jobs");
        assertThat(jobs.out()).contains("screenCounterpartiesJob").contains("COMPLETED").contains("2026-11-20");
    }

    @Test
    void screen_missingFile_exits3() {
        Result r = vigil.run("screen", "counterparties", "--input", tmp.resolve("nope.csv").toString(),
                "--business-date", "2026-11-20");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("nope.csv").contains("does not exist");
    }

    @Test
    void screen_emptyFile_completesWithZeroRecords() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.csv"));
        Result r = vigil.run("screen", "counterparties", "--input", empty.toString(), "--business-date",
                "2026-11-21");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("0 read = 0 screened + 0 rejected");
    }

    @Test
    void screen_pastTheSkipLimit_exits3AndSaysSo() throws Exception {
        StringBuilder sb = new StringBuilder("id,name,type,date_of_birth,country,address\n");
        for (int i = 0; i < 10; i++) {
            sb.append("B").append(i).append(",,person,,,\n");
        }
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, sb.toString());
        Result r = vigil.run("screen", "counterparties", "--input", bad.toString(), "--business-date", "2026-11-22");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("skip limit of 5");
    }

    @Test
    void screen_badBusinessDate_isAUsageError() {
        Result r = vigil.run("screen", "counterparties", "--input", input.toString(), "--business-date", "20/11/2026");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--business-date");
    }

}
