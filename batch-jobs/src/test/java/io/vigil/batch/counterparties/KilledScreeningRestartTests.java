package io.vigil.batch.counterparties;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.TestDatabase;
import io.vigil.batch.VigilRunner;
import io.vigil.registry.model.Party;
import io.vigil.registry.screen.sample.SampleGenerator;
import io.vigil.registry.source.ofac.OfacSdnCsvParser;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: {@code vigil screen counterparties} runs in a separate JVM on a large file and is killed with
 * SIGKILL in the middle of the screening step; {@code vigil restart} then finishes it in another JVM. Every
 * record must be screened exactly once: the restarted run's hits.csv and rejects.csv equal those of an
 * uninterrupted run of the same file, with no hit duplicated or missing.
 *
 * <p>The child JVMs run with Java assertions off, as in production (H2 asserts internally while recovering a
 * killed file when assertions are on; see KilledImportTests in registry-core).
 */
class KilledScreeningRestartTests {

    private static final int ROWS = 40_000;
    private static final int SIGKILL_EXIT = 137;

    @TempDir
    Path tmp;

    @Test
    void killedMidRun_restart_screensEveryRecordExactlyOnce() throws Exception {
        // given a registry and a large counterparty file with listed names planted
        Path data = tmp.resolve("data");
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"),
                "vigil:\n  registry:\n    sources: []\n  screening:\n    chunk-size: 250\n"
                        + "logging:\n  level:\n    io.vigil.batch.screening.ProgressLog: debug\n");
        Path sdn = VigilRunner.copyDemo("ofac-sdn", tmp.resolve("lists/ofac-sdn"));
        assertThat(child(data, config, "import-lists", "--source", "ofac-sdn-csv=" + sdn).waitFor()).isZero();
        List<Party> listed = new OfacSdnCsvParser().parse(sdn).parties();
        Path input = tmp.resolve("counterparties.csv");
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            new SampleGenerator(listed, 42, 0.02).writeCounterparties(w, ROWS);
        }

        // when the screening JVM is killed once the screening step has committed a chunk: the writer logs each chunk
        // it writes (at debug level, enabled above) inside the chunk's transaction, so a second chunk written means
        // the first is committed, however slowly the step started on a loaded machine; then 1.5 s more, since the
        // embedded H2 writes committed changes to its file within its write delay (500 ms by default), and a kill
        // before that leaves a restart nothing committed to resume from (it screens those chunks again)
        Process run = child(data, config, "screen", "counterparties", "--input", input.toString(),
                "--business-date", "2026-11-20");
        Path log = data.resolve("logs/vigil.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(log) && chunksWritten(Files.readString(log)) >= 2)) {
            assertThat(run.isAlive()).as("the screening JVM ended before its step committed a chunk").isTrue();
            assertThat(System.nanoTime()).as("first chunk committed").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(1_500);
        assertThat(run.isAlive()).as("the run finished before the kill: make the file larger").isTrue();
        run.destroyForcibly();
        assertThat(run.waitFor()).isEqualTo(SIGKILL_EXIT);

        // then the killed execution is left unfinished, and restarting it completes it
        Process jobs = child(data, config, "jobs");
        assertThat(jobs.waitFor()).isZero();
        String jobsOut = Files.readString(tmp.resolve("child.out"));
        Matcher killed = Pattern.compile("(?m)^(\\d+)\\s+screenCounterpartiesJob\\s+2026-11-20\\s+STARTED")
                .matcher(jobsOut);
        assertThat(killed.find()).as(jobsOut).isTrue();
        // a partial run directory, as a run killed while writing its outputs leaves it
        Path partial = data.resolve("runs/2026-11-20/.screenCounterpartiesJob-" + killed.group(1) + ".partial");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("hits.csv"), "record_id,field\nCP0000");
        Process restart = child(data, config, "restart", killed.group(1));
        assertThat(restart.waitFor()).as(Files.readString(tmp.resolve("child.err"))).isZero();
        String restarted = Files.readString(tmp.resolve("child.out"));
        assertThat(restarted).contains(ROWS + " read = ");
        Matcher resumed = Pattern.compile("resuming after (\\d+) items already committed").matcher(
                Files.readString(log));
        assertThat(resumed.find()).as("the restart resumed from a commit point").isTrue();
        long committed = Long.parseLong(resumed.group(1));
        assertThat(committed).isGreaterThan(0).isLessThan(ROWS);
        // the restart removed what the killed attempt left: one complete run directory remains
        assertThat(partial).doesNotExist();
        try (var dirs = Files.list(data.resolve("runs/2026-11-20"))) {
            assertThat(dirs.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(n -> assertThat(n).startsWith("screenCounterpartiesJob-"));
        }

        // and its outputs equal those of an uninterrupted run of the same file
        Process reference = child(data, config, "screen", "counterparties", "--input", input.toString(),
                "--business-date", "2026-11-21");
        assertThat(reference.waitFor()).isZero();
        Path crashed = runDir(data, "2026-11-20");
        Path clean = runDir(data, "2026-11-21");
        List<String> crashedHits = Files.readAllLines(crashed.resolve("hits.csv"));
        List<String> cleanHits = Files.readAllLines(clean.resolve("hits.csv"));
        // the reference run is the book's second night: the same hits and alerts, now open instead of new
        assertThat(crashedHits.subList(1, crashedHits.size())).allSatisfy(l -> assertThat(l).endsWith(",new,"));
        assertThat(crashedHits.stream().map(KilledScreeningRestartTests::withoutStatus).toList())
                .hasSizeGreaterThan(ROWS / 100)
                .isEqualTo(cleanHits.stream().map(KilledScreeningRestartTests::withoutStatus).toList());
        Set<String> unique = new HashSet<>(crashedHits);
        assertThat(unique).as("no hit duplicated").hasSameSizeAs(crashedHits);
        assertThat(Files.readAllLines(crashed.resolve("rejects.csv"))).isEqualTo(
                Files.readAllLines(clean.resolve("rejects.csv")));
        assertThat(Files.readString(crashed.resolve("manifest.json"))).contains("\"records_read\" : " + ROWS);
    }

    /** The chunks the screening step's writer logged as written. */
    private static int chunksWritten(String log) {
        int count = 0;
        for (int at = log.indexOf("screenCounterparties: chunk written"); at >= 0;
                at = log.indexOf("screenCounterparties: chunk written", at + 1)) {
            count++;
        }
        return count;
    }

    private static Path runDir(Path data, String date) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve("runs").resolve(date))) {
            return s.findFirst().orElseThrow();
        }
    }

    /** Starts {@code vigil ARGS} in a new JVM (assertions off), its output in child.out/child.err. */
    private Process child(Path data, Path config, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-da", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.vigil.batch.VigilApplication", "--data", data.toString(), "--config", config.toString()));
        command.addAll(List.of(args));
        command.addAll(TestDatabase.args(data));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(TestDatabase.environment());
        return builder.redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile()).start();
    }

    /** A hits.csv line without its last two columns (status, decision_ref), which depend on the book's history. */
    private static String withoutStatus(String line) {
        return line.replaceFirst(",[^,]*,[^,]*$", "");
    }
}
