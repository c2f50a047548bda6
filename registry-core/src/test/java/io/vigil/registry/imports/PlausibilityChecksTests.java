package io.vigil.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.store.JdbcSnapshotStore;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.testing.SharedLists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list that parses but is not whole is refused before anything is written: a sharp drop in entries against the
 * active snapshot (unless the administrator allows the shrink, which the snapshot records), many orphan alias and
 * address rows, a missing end-of-file mark. The OFAC CSV sets are written by the test (invented entries 1..40).
 */
class PlausibilityChecksTests {

    @TempDir
    Path tmp;

    private JdbcSnapshotStore store;
    private RegistryImporter importer;

    private RegistryImporter importer() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:plausibility-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        store = new JdbcSnapshotStore(ds, Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC));
        importer = new RegistryImporter(ListParserRegistry.defaults(), store);
        return importer;
    }

    /** An OFAC SDN CSV set of entries 1..n (each with one alias and one address), CRLF and 0x1A like OFAC's. */
    private Path sdnSet(String name, int n, int aliasesUpTo, boolean eofMark) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        StringBuilder sdn = new StringBuilder();
        StringBuilder alt = new StringBuilder();
        StringBuilder add = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sdn.append(i).append(",\"FIXTURE ").append(word(i)).append(" TRADING\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,")
                    .append("-0- ,-0- ,-0- ,-0- \r\n");
            add.append(i).append(',').append(1000 + i).append(",-0- ,\"Fixture City\",\"Fixture Country\",-0- \r\n");
        }
        for (int i = 1; i <= aliasesUpTo; i++) {
            alt.append(i).append(',').append(2000 + i).append(",\"aka\",\"FIXTURE ").append(word(i))
                    .append(" COMPANY\",-0- \r\n");
        }
        String eof = eofMark ? "\u001A" : "";
        Files.writeString(dir.resolve("sdn.csv"), sdn + eof, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("alt.csv"), alt + eof, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("add.csv"), add + eof, StandardCharsets.UTF_8);
        return dir;
    }

    private static String word(int i) {
        StringBuilder sb = new StringBuilder();
        for (int n = i; n > 0; n /= 26) {
            sb.append((char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
    }

    private static List<SourceRequest> sdn(Path dir) {
        return List.of(new SourceRequest("ofac-sdn-csv", dir));
    }

    @Test
    void sdnCutAtARowBoundary_isRefusedNamingEveryEvidence_andThePreviousSnapshotStaysActive() throws Exception {
        // given a snapshot of the whole 40-entry list
        importer().importSources(sdn(sdnSet("whole", 40, 40, true)));

        // and sdn.csv cut after row 20 at a line boundary (no 0x1A), with the whole alt.csv and add.csv beside it
        Path cut = sdnSet("cut", 40, 40, true);
        String whole = Files.readString(cut.resolve("sdn.csv"));
        int end = 0;
        for (int i = 0; i < 20; i++) {
            end = whole.indexOf("\r\n", end) + 2;
        }
        Files.writeString(cut.resolve("sdn.csv"), whole.substring(0, end));

        // when / then
        assertThatThrownBy(() -> importer.importSources(sdn(cut))).isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("ofac-sdn-csv (" + cut + ") does not look like a whole list: ")
                .hasMessageContaining("20 entries, 50.0% fewer than the 40 of ofac-sdn-csv in the active snapshot 1 "
                        + "(import a deliberate shrink with --allow-shrink)")
                .hasMessageContaining("40 of 80 address, alias and comment rows (50.0%) name an entry that is not in "
                        + "sdn.csv, e.g. alt.csv line 21: ent_num 21 is not in sdn.csv; row ignored")
                .hasMessageContaining("sdn.csv does not end with the end-of-file mark 0x1A");
        assertThat(store.active().orElseThrow().id()).isEqualTo(1);
        assertThat(store.list()).hasSize(1);
        assertThat(store.failedImports()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("does not look like a whole list"));
    }

    @Test
    void missingEndMark_alone_isRefusedEvenOnTheFirstImport() throws Exception {
        Path dir = sdnSet("noeof", 40, 40, false);

        assertThatThrownBy(() -> importer().importSources(sdn(dir))).isInstanceOf(ImportRejectedException.class)
                .hasMessage("ofac-sdn-csv (" + dir + ") does not look like a whole list: sdn.csv does not end with the "
                        + "end-of-file mark 0x1A that OFAC's CSV files always end with (cut or re-saved?); add.csv "
                        + "does not end with the end-of-file mark 0x1A that OFAC's CSV files always end with (cut or "
                        + "re-saved?); alt.csv does not end with the end-of-file mark 0x1A that OFAC's CSV files always "
                        + "end with (cut or re-saved?)");
        assertThat(store.active()).isEmpty();
    }

    @Test
    void deliberateShrink_isRefusedWithoutTheFlag_andImportedAndRecordedWithIt() throws Exception {
        // given a snapshot of 40 entries, then a consistent, whole list of 25 (the authority delisted 15)
        importer().importSources(sdn(sdnSet("whole", 40, 40, true)));
        Path smaller = sdnSet("smaller", 25, 25, true);

        // when imported without the flag: refused on the shrink alone
        assertThatThrownBy(() -> importer.importSources(sdn(smaller))).isInstanceOf(ImportRejectedException.class)
                .hasMessage("ofac-sdn-csv (" + smaller + ") does not look like a whole list: 25 entries, 37.5% fewer "
                        + "than the 40 of ofac-sdn-csv in the active snapshot 1 (import a deliberate shrink with "
                        + "--allow-shrink)");

        // when imported with --allow-shrink: snapshot 2, its note recording the override
        ImportResult result = importer.importSources(sdn(smaller), Map.of(), new ImportOptions(true));
        assertThat(result.snapshotId()).isEqualTo(2);
        assertThat(result.overrides()).containsExactly("--allow-shrink: 25 entries, 37.5% fewer than the 40 of "
                + "ofac-sdn-csv in the active snapshot 1");
        SnapshotInfo active = store.active().orElseThrow();
        assertThat(active.id()).isEqualTo(2);
        assertThat(active.note()).endsWith("; --allow-shrink: 25 entries, 37.5% fewer than the 40 of ofac-sdn-csv "
                + "in the active snapshot 1");
    }

    @Test
    void smallDrop_orGrowth_passesWithoutTheFlag() throws Exception {
        importer().importSources(sdn(sdnSet("whole", 40, 40, true)));

        assertThat(importer.importSources(sdn(sdnSet("fewer", 34, 34, true))).snapshotId()).isEqualTo(2);
        assertThat(importer.importSources(sdn(sdnSet("more", 60, 60, true))).snapshotId()).isEqualTo(3);
        assertThat(store.active().orElseThrow().note()).doesNotContain("allow-shrink");
    }

    @Test
    void manyOrphanAliasRows_areRefused() throws Exception {
        // given a whole sdn.csv of 40 entries but an alt.csv of another edition naming entries up to 60
        Path dir = sdnSet("mismatch", 40, 60, true);

        assertThatThrownBy(() -> importer().importSources(sdn(dir))).isInstanceOf(ImportRejectedException.class)
                .hasMessage("ofac-sdn-csv (" + dir + ") does not look like a whole list: 20 of 100 address, alias and "
                        + "comment rows (20.0%) name an entry that is not in sdn.csv, e.g. alt.csv line 41: ent_num 41 "
                        + "is not in sdn.csv; row ignored | alt.csv line 42: ent_num 42 is not in sdn.csv; row ignored "
                        + "| alt.csv line 43: ent_num 43 is not in sdn.csv; row ignored");
    }

    @Test
    void realSdnCsv_cutAtARowBoundary_isRefused() throws Exception {
        // given a temporary copy of the real OFAC set whose sdn.csv is cut at the row boundary nearest its middle
        Path real = SharedLists.require("ofac");
        Path dir = Files.createDirectories(tmp.resolve("real-cut"));
        for (String f : List.of("add.csv", "alt.csv", "sdn_comments.csv")) {
            Files.copy(real.resolve(f), dir.resolve(f));
        }
        byte[] sdn = Files.readAllBytes(real.resolve("sdn.csv"));
        int cut = sdn.length / 2;
        while (!(sdn[cut - 2] == '\r' && sdn[cut - 1] == '\n')) {
            cut++;
        }
        Files.write(dir.resolve("sdn.csv"), java.util.Arrays.copyOf(sdn, cut));

        // when / then: refused on its own evidence, even with no snapshot to compare with
        assertThatThrownBy(() -> importer().importSources(sdn(dir))).isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("address, alias and comment rows")
                .hasMessageContaining("name an entry that is not in sdn.csv")
                .hasMessageContaining("sdn.csv does not end with the end-of-file mark 0x1A");
        assertThat(store.active()).isEmpty();
    }

    @Test
    void warningSummary_groupsWarningsOfTheSameKind() {
        List<String> warnings = List.of("alt.csv line 12: ent_num 5 is not in sdn.csv; row ignored",
                "sdn.csv line 40: unknown SDN_Type 'boat' for ent_num 7",
                "alt.csv line 13: ent_num 6 is not in sdn.csv; row ignored",
                "alt.csv line 14: ent_num 7 is not in sdn.csv; row ignored");

        assertThat(WarningSummary.summarize(warnings, 2)).containsExactly(
                "3 warnings like: alt.csv line 12: ent_num 5 is not in sdn.csv; row ignored | alt.csv line 13: "
                        + "ent_num 6 is not in sdn.csv; row ignored",
                "sdn.csv line 40: unknown SDN_Type 'boat' for ent_num 7");
    }
}
