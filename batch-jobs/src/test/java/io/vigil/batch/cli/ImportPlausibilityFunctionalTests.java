package io.vigil.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-lists} refuses a list far smaller than the active snapshot's, keeps the previous snapshot, and
 * imports it with {@code --allow-shrink}, recording the override in the snapshot.
 */
class ImportPlausibilityFunctionalTests {

    @TempDir
    Path tmp;

    @Test
    void shrunkList_isRefusedWithEvidence_thenImportedWithAllowShrinkAndRecorded() throws Exception {
        // given snapshot 1 from the demo SDN set (29 entries)
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "vigil:\n  registry:\n    sources: []\n");
        VigilRunner vigil = new VigilRunner(tmp.resolve("data"), config);
        Path whole = RegistryCliFunctionalTests.copyDemo("ofac-sdn", tmp.resolve("lists/whole"));
        assertThat(vigil.run("import-lists", "--source", "ofac-sdn-csv=" + whole).exitCode()).isZero();

        // and a consistent copy keeping only its first 15 entries (with their aliases and addresses)
        Path smaller = RegistryCliFunctionalTests.copyDemo("ofac-sdn", tmp.resolve("lists/smaller"));
        String sdn = Files.readString(smaller.resolve("sdn.csv"), StandardCharsets.ISO_8859_1);
        Set<String> kept = sdn.lines().filter(l -> !l.isBlank() && Character.isDigit(l.charAt(0))).limit(15)
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        for (String f : new String[] {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}) {
            String text = Files.readString(smaller.resolve(f), StandardCharsets.ISO_8859_1);
            Files.writeString(smaller.resolve(f), text.lines()
                    .filter(l -> l.indexOf(',') < 0 || kept.contains(l.substring(0, l.indexOf(','))))
                    .reduce("", (a, b) -> a + b + "\r\n"), StandardCharsets.ISO_8859_1);
        }

        // when it is imported: refused, naming the evidence, and snapshot 1 stays active
        Result refused = vigil.run("import-lists", "--source", "ofac-sdn-csv=" + smaller);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err()).contains("does not look like a whole list: 15 entries, 48.3% fewer than the 29 of "
                + "ofac-sdn-csv in the active snapshot 1 (import a deliberate shrink with --allow-shrink)");
        assertThat(vigil.run("registry", "status").out()).contains("Active snapshot 1");

        // when it is imported with --allow-shrink: snapshot 2, the override printed and kept in the snapshot note
        Result allowed = vigil.run("import-lists", "--allow-shrink", "--source", "ofac-sdn-csv=" + smaller);
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("Snapshot 2 is now active")
                .contains("Recorded in snapshot 2: --allow-shrink: 15 entries, 48.3% fewer than the 29");
        assertThat(vigil.run("registry", "snapshots").out()).contains("--allow-shrink: 15 entries");
    }
}
