package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives {@code vigil search} as an analyst would, over the bundled demo lists and the shipped notices. */
class SearchCliFunctionalTests {

    @TempDir
    Path tmp;

    VigilRunner vigil;

    @BeforeEach
    void setUp() throws Exception {
        vigil = VigilRunner.withDemoRegistry(tmp, """
                  registry:
                    sources: []
                  matching:
                    alert-threshold: 85
                    review-threshold: 72
                """);
    }

    @Test
    void search_southKoreanSpelling_ranksChoeCholMinFirstWithReasonsAndCitations() {
        // when
        Result r = vigil.run("search", "Choi Cheol-min", "--dob", "1978");
        // then the OFAC entry is first, alerted, with the token pairs, the date effect and the OFAC citation
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1. ofac:43598").contains("ALERT")
                .contains("choi~choe 0.95 romanization variant")
                .contains("date of birth 1978 vs 1978-04-03 +3.0 (same year of birth)")
                .contains("linked entries: notice:choe-chol-min")
                .contains("program NPWMD; legal basis E.O. 13382");
    }

    @Test
    void importLists_writesTheMatchingIndexFile_andSearchLoadsIt() throws Exception {
        // given the import wrote the index file of the new snapshot
        List<Path> files = indexFiles();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("\\d+-[0-9a-f]{16}\\.idx");
        long written = Files.getLastModifiedTime(files.get(0)).toMillis();
        // when searching twice
        Result first = vigil.run("search", "Choi Cheol-min", "--dob", "1978");
        Result second = vigil.run("search", "Choi Cheol-min", "--dob", "1978");
        // then both load it (it is not rewritten) and answer alike
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(indexFiles()).isEqualTo(files);
        assertThat(Files.getLastModifiedTime(files.get(0)).toMillis()).isEqualTo(written);
        assertThat(log()).contains("loaded from " + files.get(0));
        // the index was read while the command started (the newest file was the one needed)
        assertThat(log()).contains("loaded from " + files.get(0).toAbsolutePath() + " in ").contains(
                "(read while starting)");
    }

    @Test
    void search_damagedOrStaleIndexFile_isRebuiltWithTheSameAnswer() throws Exception {
        Result expected = vigil.run("search", "Choi Cheol-min", "--dob", "1978", "--json");
        Path file = indexFiles().get(0);
        byte[] good = Files.readAllBytes(file);
        // a byte in the middle changed
        byte[] damaged = good.clone();
        damaged[damaged.length / 2] ^= 0x01;
        Files.write(file, damaged);
        Result afterDamage = vigil.run("search", "Choi Cheol-min", "--dob", "1978", "--json");
        assertThat(afterDamage.exitCode()).as(afterDamage.toString()).isZero();
        assertThat(afterDamage.out()).isEqualTo(expected.out());
        assertThat(log()).contains("not used (damaged");
        // written again, whole
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        // cut short
        Files.write(file, java.util.Arrays.copyOf(good, good.length / 3));
        assertThat(vigil.run("search", "Choi Cheol-min", "--dob", "1978", "--json").out()).isEqualTo(expected.out());
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        // removed
        Files.delete(file);
        assertThat(vigil.run("search", "Choi Cheol-min", "--dob", "1978", "--json").out()).isEqualTo(expected.out());
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
    }

    @Test
    void search_indexFileOfOtherSnapshotContent_isRejectedAsStale()
            throws Exception {
        // the file of another database's snapshot 1 (other content), put where this one's would be
        Path file = indexFiles().get(0);
        Path other = tmp.resolve("other");
        VigilRunner otherVigil = new VigilRunner(other.resolve("data"), tmp.resolve("config"));
        assertThat(otherVigil.run("import-lists", "--source", "notices="
                + Path.of("../config/notices").toAbsolutePath().normalize()).exitCode()).isZero();
        Path otherFile;
        try (var s = Files.list(other.resolve("data/index"))) {
            otherFile = s.findFirst().orElseThrow();
        }
        Files.copy(otherFile, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // when
        Result r = vigil.run("search", "Choi Cheol-min", "--dob", "1978");
        // then it is refused as stale, and the answer is this registry's
        assertThat(r.out()).contains("1. ofac:43598");
        assertThat(log()).contains("not used (stale: built from other snapshot content)");
    }

    private List<Path> indexFiles() throws Exception {
        try (var s = Files.list(tmp.resolve("data/index"))) {
            return s.filter(f -> f.toString().endsWith(".idx")).sorted().toList();
        }
    }

    private String log() throws Exception {
        return Files.readString(tmp.resolve("data/logs/vigil.log"));
    }

    @Test
    void searchJson_contractFields_hitsInDescendingScoreOrder() throws Exception {
        // when
        Result r = vigil.run("search", "Choi Cheol-min", "--dob", "1978", "--country", "CN", "--json");
        // then one JSON object with the contract's fields
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(r.out());
        assertThat(root.get("query").asString()).isEqualTo("Choi Cheol-min");
        JsonNode hits = root.get("hits");
        assertThat(hits.size()).isPositive();
        JsonNode top = hits.get(0);
        assertThat(top.get("party_id").asString()).isEqualTo("ofac:43598");
        assertThat(top.get("linked_ids").get(0).asString()).isEqualTo("notice:choe-chol-min");
        assertThat(top.get("decision").asString()).isEqualTo("alert");
        assertThat(top.get("score").asDouble()).isBetween(85.0, 100.0);
        assertThat(top.get("matched_name").asString()).isNotBlank();
        assertThat(top.get("explanation").asString()).contains("final");
        assertThat(top.get("explanation_detail").get("attributes").toString()).contains("date of birth")
                .contains("country");
        List<String> authorities = top.get("citations").valueStream().map(c -> c.get("authority").asString())
                .toList();
        assertThat(authorities).contains("US Treasury OFAC");
        assertThat(top.get("citations").toString()).contains("E.O. 13382").contains("NPWMD");
        double previous = 101;
        for (JsonNode hit : hits) {
            assertThat(hit.get("score").asDouble()).isLessThanOrEqualTo(previous)
                    .isGreaterThanOrEqualTo(72.0);
            previous = hit.get("score").asDouble();
        }
    }

    @Test
    void search_commonKoreanNameBornLater_raisesNoAlert() throws Exception {
        Result r = vigil.run("search", "Kim Min-jun", "--dob", "1990", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode hits = JsonMapper.builder().build().readTree(r.out()).get("hits");
        assertThat(hits.valueStream().map(h -> h.get("decision").asString())).doesNotContain("alert");
        Result text = vigil.run("search", "Kim Min-jun", "--dob", "1990");
        assertThat(text.out()).contains("No hits");
    }

    @Test
    void search_badDate_isAUsageError() {
        Result r = vigil.run("search", "Choi", "--dob", "03/04/1978");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--dob").contains("03/04/1978");
        Result t = vigil.run("search", "Choi", "--type", "ship-of-theseus");
        assertThat(t.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(t.err()).contains("--type");
    }

    @Test
    void search_emptyRegistry_exits3WithAHint() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config2"));
        Files.writeString(config.resolve("application.yml"), "vigil:\n  registry:\n    sources: []\n");
        Result r = new VigilRunner(tmp.resolve("empty"), config).run("search", "Choi Cheol-min");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("import-lists");
    }

    @Test
    void search_invalidThresholds_isAConfigurationError() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config3"));
        Files.writeString(config.resolve("application.yml"),
                "vigil:\n  matching:\n    alert-threshold: 60\n    review-threshold: 80\n");
        Result r = new VigilRunner(tmp.resolve("data"), config).run("search", "Choi Cheol-min");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vigil.matching").contains("review <= alert");
    }
}
