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
