package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.batch.VigilRunner;
import io.vigil.batch.VigilRunner.Result;
import io.vigil.registry.source.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code vigil import-lists} and {@code vigil registry …} as an administrator would, asserting the output. */
class RegistryCliFunctionalTests {

    @TempDir
    Path tmp;

    VigilRunner vigil;
    Path config;
    Path sdnDir;

    @BeforeEach
    void setUp() throws Exception {
        config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "vigil:\n  registry:\n    sources: []\n");
        vigil = new VigilRunner(tmp.resolve("data"), config);
        sdnDir = copyDemo("ofac-sdn", tmp.resolve("lists/ofac-sdn"));
    }

    @Test
    void importLists_thenStatusAndShow_citeEverySourceAndField() throws Exception {
        // when
        Result imported = vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdnDir);
        Result status = vigil.run("registry", "status");
        Result show = vigil.run("registry", "show", "ofac:43598");

        // then
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("Snapshot 1 is now active").contains("ofac-sdn-csv");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Active snapshot 1")
                .contains("US Treasury OFAC")
                .contains("sha256 " + Hashing.sha256(sdnDir.resolve("sdn.csv")))
                .contains("sha256 " + Hashing.sha256(sdnDir.resolve("alt.csv")))
                .contains("not stated in the legacy CSV files")
                .containsPattern("NPWMD\\s+\\d+");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("CHOE, Chol Min")
                .contains("1978-04-03 (day)")
                .contains("passport 108410050 (Korea, North) [KP]")
                .contains("Linked To: SECOND ACADEMY OF NATURAL SCIENCES")
                .contains("aka             strong Latn  CHOE, Chol-min")
                .contains("program:     NPWMD")
                .contains("legal basis: E.O. 13382")
                .contains("reference:   43598")
                .contains("source file: sdn.csv (ofac-sdn-csv), published not stated, sha256 "
                        + Hashing.sha256(sdnDir.resolve("sdn.csv")));
    }

    @Test
    void registryShow_partyOnSeveralLists_citesEveryAuthorityWithItsOwnFile() throws Exception {
        // given the demo SDN set and the shipped designation notices (US, EU and Republic of Korea)
        Path notices = Path.of("../config/notices").toAbsolutePath().normalize();
        assertThat(vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdnDir, "--source",
                "notices=" + notices).exitCode()).isZero();

        // when
        Result show = vigil.run("registry", "show", "ofac:39496");

        // then the OFAC entry lists the notice entry it is linked to, why, and that entry's designations
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out())
                .contains("notice:jon-il-ho  (same passport PS463120423 (KP)")
                .contains("Designations of linked entry notice:jon-il-ho")
                .contains("Republic of Korea, Republic of Korea independent sanctions designations")
                .contains("listed on:   2022-12-02")
                .contains("EU Council").contains("Council Regulation (EU) 2017/1509")
                .contains("source file: kr-2022-12-02-independent-sanctions.yaml (notices), sha256 "
                        + Hashing.sha256(notices.resolve("kr-2022-12-02-independent-sanctions.yaml")))
                .contains("source file: us-2022-12-01-wpk-officials.yaml (notices), sha256 "
                        + Hashing.sha256(notices.resolve("us-2022-12-01-wpk-officials.yaml")));
    }

    @Test
    void importLists_truncatedFile_exits3_namesFileAndLine_keepsPreviousSnapshot() throws Exception {
        // given a good snapshot 1 and a UN file cut off in the middle of an element
        assertThat(vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdnDir).exitCode()).isZero();
        Path truncated = tmp.resolve("un-truncated.xml");
        Files.writeString(truncated, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
                  <INDIVIDUALS>
                    <INDIVIDUAL>
                      <DATAID>1</DATAID>
                      <FIRST_NAME>KIM</FIRST_NAME>
                """, StandardCharsets.UTF_8);

        // when
        Result failed = vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdnDir, "--source",
                "un-xml=" + truncated);
        Result status = vigil.run("registry", "status");
        Result snapshots = vigil.run("registry", "snapshots");

        // then
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(failed.err()).contains("un-truncated.xml").containsPattern("line \\d+")
                .contains("previous snapshot stays active");
        assertThat(status.out()).contains("Active snapshot 1");
        assertThat(snapshots.out().strip().lines()).hasSize(1);
    }

    @Test
    void importLists_hostileXml_exits3_withoutReadingEntities() throws Exception {
        // given an XXE attempt against a local file
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-VALUE");
        Path xxe = Files.writeString(tmp.resolve("xxe.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file://%s">]>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS><INDIVIDUAL>
                <FIRST_NAME>&x;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """.formatted(secret));

        // when
        Result r = vigil.run("import-lists", "--source", "un-xml=" + xxe);

        // then
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("xxe.xml").contains("DOCTYPE");
        assertThat(r.out() + r.err()).doesNotContain("TOP-SECRET-VALUE");
    }

    @Test
    void importLists_badArguments_haveDocumentedExitCodes() {
        Result missing = vigil.run("import-lists", "--source", "un-xml=" + tmp.resolve("nope.xml"));
        Result unknownType = vigil.run("import-lists", "--source", "ofac-pdf=" + sdnDir);
        Result noEquals = vigil.run("import-lists", "--source", "un-xml");
        Result unknownCommand = vigil.run("frobnicate");
        Result noConfigDir = new VigilRunner(tmp.resolve("data"), tmp.resolve("no-such-config")).run("registry",
                "status");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nope.xml").contains("not found");
        assertThat(unknownType.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownType.err()).contains("unknown source type 'ofac-pdf'").contains("un-xml");
        assertThat(noEquals.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownCommand.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noConfigDir.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noConfigDir.err()).contains("no-such-config: no such directory");
    }

    @Test
    void registry_beforeAnyImport_andUnknownParty_exit3() throws Exception {
        Result empty = vigil.run("registry", "status");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(empty.err()).contains("registry is empty");

        vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdnDir);
        Result unknown = vigil.run("registry", "show", "ofac:999999999");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("no party ofac:999999999 in snapshot 1");
    }

    @Test
    void registryDiff_listsAddedRemovedAndChangedParties() throws Exception {
        // given snapshot 1 from the demo SDN set, snapshot 2 with CHOE Un Jong removed and YU Jin's DOB changed
        vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdnDir);
        Path next = copyDemo("ofac-sdn", tmp.resolve("lists/ofac-sdn-next"));
        String sdn = Files.readString(next.resolve("sdn.csv"), StandardCharsets.ISO_8859_1);
        String withoutChoeUnJong = sdn.lines().filter(l -> !l.startsWith("43616,"))
                .map(l -> l.startsWith("39497,") ? l.replace("DOB 1960;", "DOB 1961;") : l)
                .reduce("", (a, b) -> a + b + "\r\n");
        Files.writeString(next.resolve("sdn.csv"), withoutChoeUnJong, StandardCharsets.ISO_8859_1);
        Files.writeString(next.resolve("add.csv"), Files.readString(next.resolve("add.csv"),
                StandardCharsets.ISO_8859_1).lines().filter(l -> !l.startsWith("43616,"))
                .reduce("", (a, b) -> a + b + "\r\n"), StandardCharsets.ISO_8859_1);
        Files.writeString(next.resolve("alt.csv"), Files.readString(next.resolve("alt.csv"),
                StandardCharsets.ISO_8859_1).lines().filter(l -> !l.startsWith("43616,"))
                .reduce("", (a, b) -> a + b + "\r\n"), StandardCharsets.ISO_8859_1);
        assertThat(vigil.run("import-lists", "--source", "ofac-sdn-csv=" + next).exitCode()).isZero();

        // when
        Result diff = vigil.run("registry", "diff");
        Result explicit = vigil.run("registry", "diff", "1", "2");

        // then
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("Snapshot 1 -> 2: 0 added, 1 removed, 1 changed")
                .containsPattern("ofac:43616\\s+person\\s+CHOE, Un Jong")
                .containsPattern("ofac:39497\\s+person\\s+YU, Jin")
                .contains("1960").contains("1961");
        assertThat(explicit.out()).isEqualTo(diff.out());
    }

    @Test
    void importLists_realOfficialFiles_countsAgreeWithSources() {
        Path lists = sharedLists();
        assumeTrue(lists != null, "../shared/data/lists is absent: skipping the real-list test");

        Result r = vigil.run("import-lists", "--source", "ofac-sdn-csv=" + lists.resolve("ofac"), "--source",
                "un-xml=" + lists.resolve("un/consolidated.xml"), "--source",
                "uk-ofsi-csv=" + lists.resolve("uk/sanctionsconlist.csv"));
        Result status = vigil.run("registry", "status");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("16,930 parties").containsPattern("ofac-sdn-csv\\s+13,821 entries")
                .containsPattern("un-xml\\s+1,003 entries").containsPattern("uk-ofsi-csv\\s+2,106 entries");
        assertThat(status.out())
                .containsPattern("ofac\\s+6,646\\s+6,033\\s+764\\s+378\\s+0\\s+13,821")
                .containsPattern("un\\s+730\\s+273\\s+0\\s+0\\s+0\\s+1,003")
                .contains("published: 2026-02-27").contains("published: 2018-04-13");
    }

    static Path sharedLists() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/lists");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Copies a folder of the bundled demo lists to {@code target}. */
    static Path copyDemo(String folder, Path target) throws IOException, URISyntaxException {
        Path source = Path.of(RegistryCliFunctionalTests.class.getResource("/demo/lists/" + folder).toURI());
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
