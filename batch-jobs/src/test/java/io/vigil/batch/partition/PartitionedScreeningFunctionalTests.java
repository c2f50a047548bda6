package io.vigil.batch.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.batch.TestDatabase;
import io.vigil.batch.VigilRunner;
import io.vigil.registry.model.Party;
import io.vigil.registry.screen.sample.SampleGenerator;
import io.vigil.registry.source.ofac.OfacSdnCsvParser;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote partitioning with real processes: a broker, a manager and worker JVMs sharing one PostgreSQL database (the
 * H2 file database cannot be shared, so on the H2 pass only the worker's refusal is checked). A worker is killed
 * with SIGKILL in the middle of a partition and another started; then the manager is killed and the same command
 * run again. Every record must be screened exactly once, and hits.csv must equal a single-node run's.
 */
class PartitionedScreeningFunctionalTests {

    private static final int ROWS = Integer.getInteger("vigil.test.partition.rows", 400_000);
    private static final int PARTITIONS = 8;
    private static final int SIGKILL_EXIT = 137;

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopChildren() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    void workerOnH2_isRefused() throws Exception {
        Assumptions.assumeFalse(TestDatabase.postgresql(), "the refusal concerns the embedded H2 database");
        VigilRunner vigil = new VigilRunner(tmp.resolve("data"), Files.createDirectories(tmp.resolve("config")));

        VigilRunner.Result result = vigil.run("worker", "--broker", "tcp://127.0.0.1:1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("H2 file database cannot be opened by several processes");
    }

    @Test
    void brokerUnreachable_exits4_withOneLine() throws Exception {
        Path data = tmp.resolve("data");
        Path config = config();
        Path input = tmp.resolve("counterparties.csv");
        Files.writeString(input, "id,name,type,date_of_birth,country,address\nC-1,Someone,person,,,\n");

        Process manager = child("manager", data, config, TestDatabase.args(data), "screen", "counterparties",
                "--input", input.toString(), "--business-date", "2026-11-20", "--partitions", "2", "--broker",
                "tcp://127.0.0.1:" + freePort());

        assertThat(manager.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(manager.exitValue()).isEqualTo(4);
        List<String> err = Files.readAllLines(tmp.resolve("manager.err"));
        assertThat(err).singleElement().satisfies(l -> assertThat(l).startsWith("vigil: the broker at tcp://")
                .contains("is unreachable"));
    }

    @Test
    void workerAndManagerKilled_runCompletes_everyRecordScreenedOnce_hitsAsSingleNode() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresql(), "workers share the run's PostgreSQL database");
        // given a registry, a generated counterparty file, a broker and two workers on one PostgreSQL database
        Path data = tmp.resolve("data");
        Path config = config();
        List<String> db = TestDatabase.args(data);
        Path sdn = VigilRunner.copyDemo("ofac-sdn", tmp.resolve("lists/ofac-sdn"));
        assertThat(child("import", data, config, db, "import-lists", "--source", "ofac-sdn-csv=" + sdn).waitFor())
                .isZero();
        List<Party> listed = new OfacSdnCsvParser().parse(sdn).parties();
        Path input = tmp.resolve("counterparties.csv");
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            new SampleGenerator(listed, 42, 0.02).writeCounterparties(w, ROWS);
        }
        int port = freePort();
        String broker = "tcp://127.0.0.1:" + port;
        Process brokerProcess = child("broker", tmp.resolve("broker"), config, List.of(), "broker", "--port",
                String.valueOf(port));
        awaitOutput("broker", "broker listening", brokerProcess);
        Process w1 = worker("w1", config, db, broker);
        Process w2 = worker("w2", config, db, broker);

        // when the manager runs, a worker is killed in the middle of a partition and another one started
        List<String> screen = List.of("screen", "counterparties", "--input", input.toString(), "--business-date",
                "2026-11-20", "--partitions", String.valueOf(PARTITIONS), "--broker", broker);
        Process manager = child("manager", data, config, db, screen.toArray(String[]::new));
        await("w1 has committed part of a partition", () -> midPartition(data, "w1"), manager);
        assertThat(w1.isAlive()).isTrue();
        w1.destroyForcibly();
        assertThat(w1.waitFor()).isEqualTo(SIGKILL_EXIT);
        Process w3 = worker("w3", config, db, broker);
        // the broker gives the killed worker's request to another worker, which resumes its step execution
        await("w1's partition resumed by another worker", () -> (log("w2") + log("w3")).contains(
                "resuming after its last commit point"), manager);

        // and then, once some partitions are done, the manager is killed and the same command run again
        await("a partition completed", () -> completedPartitions(data) >= 2, manager);
        assertThat(manager.isAlive()).as("the run finished before the manager was killed").isTrue();
        manager.destroyForcibly();
        assertThat(manager.waitFor()).isEqualTo(SIGKILL_EXIT);
        Map<String, Integer> doneBeforeRestart = partitionExecutions(data, "COMPLETED");
        Process again = child("manager2", data, config, db, screen.toArray(String[]::new));
        assertThat(again.waitFor(600, TimeUnit.SECONDS)).as("the resumed run finished").isTrue();

        // then the run completed, the killed worker's partition was resumed, completed partitions were not redone
        assertThat(again.exitValue()).as(Files.readString(tmp.resolve("manager2.err"))).isZero();
        assertThat(Files.readString(tmp.resolve("manager2.out"))).contains(ROWS + " read = ");
        assertThat(log("w2") + log("w3")).contains("resuming after its last commit point");
        Map<String, Integer> all = partitionExecutions(data, null);
        assertThat(all).hasSize(PARTITIONS);
        doneBeforeRestart.keySet().forEach(name -> assertThat(all.get(name)).as(name + " executions").isEqualTo(1));
        // every record screened exactly once: the stored records and the hits, no line twice
        try (Connection c = TestDatabase.connect(data); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT SUM(RECORD_COUNT), COUNT(*) FROM SCREENED_RECORDS");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ROWS);
            rs = st.executeQuery("SELECT COUNT(*) FROM (SELECT LINE_NO, HIT_SEQ FROM SCREENING_HIT GROUP BY "
                    + "JOB_INSTANCE_ID, LINE_NO, HIT_SEQ HAVING COUNT(*) > 1) d");
            rs.next();
            assertThat(rs.getLong(1)).as("duplicated hits").isZero();
        }
        // and the outputs equal a single-node run's on the same file
        VigilRunner.Result reference = new VigilRunner(data, config).run("screen", "counterparties",
                "--input", input.toString(), "--business-date", "2026-11-21", "--full");
        assertThat(reference.exitCode()).as(reference.toString()).isZero();
        Path partitioned = runDir(data, "2026-11-20");
        Path single = runDir(data, "2026-11-21");
        List<String> partitionedHits = Files.readAllLines(partitioned.resolve("hits.csv"));
        List<String> singleHits = Files.readAllLines(single.resolve("hits.csv"));
        assertThat(partitionedHits).hasSizeGreaterThan(ROWS / 100);
        assertThat(partitionedHits.stream().map(PartitionedScreeningFunctionalTests::withoutStatus).toList())
                .isEqualTo(singleHits.stream().map(PartitionedScreeningFunctionalTests::withoutStatus).toList());
        assertThat(new HashSet<>(partitionedHits)).hasSameSizeAs(partitionedHits);
        assertThat(Files.readAllLines(partitioned.resolve("rejects.csv"))).isEqualTo(
                Files.readAllLines(single.resolve("rejects.csv")));
        assertThat(Files.readString(partitioned.resolve("manifest.json"))).contains("\"records_read\" : " + ROWS);
        assertThat(w2.isAlive() && w3.isAlive()).as("the workers keep serving").isTrue();
    }

    @Test
    void partitionedDeltaNight_givesTheHitsOfAFullScreen() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresql(), "workers share the run's PostgreSQL database");
        // given a book screened on one node against the demo SDN, then a new snapshot with two entries renamed
        Path data = tmp.resolve("data");
        Path config = config();
        List<String> db = TestDatabase.args(data);
        VigilRunner vigil = new VigilRunner(data, config);
        Path sdn = VigilRunner.copyDemo("ofac-sdn", tmp.resolve("lists/ofac-sdn"));
        assertThat(vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdn).exitCode()).isZero();
        Path input = tmp.resolve("book.csv");
        try (Writer w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            new SampleGenerator(new OfacSdnCsvParser().parse(sdn).parties(), 7, 0.02).writeCounterparties(w, 20_000);
        }
        VigilRunner.Result night1 = vigil.run("screen", "counterparties", "--input", input.toString(),
                "--business-date", "2026-11-19");
        assertThat(night1.exitCode()).as(night1.toString()).isZero();
        // the next list: the same source with two entries renamed (the token weights carry over, so a delta is
        // possible)
        Path sdn2 = VigilRunner.copyDemo("ofac-sdn", tmp.resolve("lists/ofac-sdn-2"));
        String list = Files.readString(sdn2.resolve("sdn.csv"), StandardCharsets.UTF_8);
        Files.writeString(sdn2.resolve("sdn.csv"), list.replace("\"YU, Jin\"", "\"YU, Jinhee\"")
                .replace("\"KIM, Su Gil\"", "\"KIM, Su Gol\""), StandardCharsets.UTF_8);
        VigilRunner.Result imported = vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdn2);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        int port = freePort();
        String broker = "tcp://127.0.0.1:" + port;
        Process brokerProcess = child("broker", tmp.resolve("broker"), config, List.of(), "broker", "--port",
                String.valueOf(port));
        awaitOutput("broker", "broker listening", brokerProcess);
        worker("w1", config, db, broker);

        // when the next night is screened partitioned, as a delta, and the night after on one node in full
        VigilRunner.Result night2 = vigil.run("screen", "counterparties", "--input", input.toString(),
                "--business-date", "2026-11-20", "--delta", "--partitions", "4", "--broker", broker);
        VigilRunner.Result night3 = vigil.run("screen", "counterparties", "--input", input.toString(),
                "--business-date", "2026-11-21", "--full");

        // then the delta screened only what it had to, and found the full screen's hits
        assertThat(night2.exitCode()).as(night2.toString()).isZero();
        assertThat(night2.out()).contains("mode: delta");
        assertThat(log("w1")).contains("delta against run");
        assertThat(night3.exitCode()).as(night3.toString()).isZero();
        List<String> delta = Files.readAllLines(runDir(data, "2026-11-20").resolve("hits.csv"));
        List<String> full = Files.readAllLines(runDir(data, "2026-11-21").resolve("hits.csv"));
        assertThat(delta.stream().map(PartitionedScreeningFunctionalTests::withoutStatus).toList())
                .hasSizeGreaterThan(100)
                .isEqualTo(full.stream().map(PartitionedScreeningFunctionalTests::withoutStatus).toList());
    }

    @Test
    void workerWithOtherThresholds_refusesThePartition_runFailsRestartable() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresql(), "workers share the run's PostgreSQL database");
        // given a worker whose configuration screens with another alert threshold than the manager's
        Path data = tmp.resolve("data");
        Path config = config();
        Path otherConfig = Files.createDirectories(tmp.resolve("other-config"));
        Files.writeString(otherConfig.resolve("application.yml"), "vigil:\n  registry:\n    sources: []\n"
                + "  matching:\n    alert-threshold: 90\n");
        List<String> db = TestDatabase.args(data);
        VigilRunner vigil = new VigilRunner(data, config);
        Path sdn = VigilRunner.copyDemo("ofac-sdn", tmp.resolve("lists/ofac-sdn"));
        assertThat(vigil.run("import-lists", "--source", "ofac-sdn-csv=" + sdn).exitCode()).isZero();
        Path input = tmp.resolve("book.csv");
        Files.writeString(input, "id,name,type,date_of_birth,country,address\nC-1,KIM Su Gil,person,,,\n");
        int port = freePort();
        String broker = "tcp://127.0.0.1:" + port;
        Process brokerProcess = child("broker", tmp.resolve("broker"), config, List.of(), "broker", "--port",
                String.valueOf(port));
        awaitOutput("broker", "broker listening", brokerProcess);
        Process p = child("w1", tmp.resolve("w1"), otherConfig, db, "worker", "--broker", broker);
        awaitOutput("w1", "worker ready", p);

        // when a partitioned run is screened
        VigilRunner.Result run = vigil.run("screen", "counterparties", "--input", input.toString(),
                "--business-date", "2026-11-20", "--partitions", "2", "--broker", broker);

        // then the worker refuses to screen with a method the run was not pinned to, and the run fails, restartable
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(log("w1")).contains("refusing partition screenCounterpartiesPartition:partition");
        assertThat(run.err()).contains("Restart it with").contains("refusing partition");
    }

    private Path config() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "vigil:\n  registry:\n    sources: []\n  screening:\n"
                + "    chunk-size: 250\n  partitioning:\n    poll-interval: PT0.5S\n");
        return config;
    }

    private Process worker(String name, Path config, List<String> db, String broker) throws Exception {
        Process p = child(name, tmp.resolve(name), config, db, "worker", "--broker", broker);
        awaitOutput(name, "worker ready", p);
        return p;
    }

    private String log(String name) {
        try {
            Path log = tmp.resolve(name).resolve("logs/vigil.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** True when the partition the worker started last has committed a few chunks and is still running. */
    private boolean midPartition(Path data, String worker) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(screenCounterpartiesPartition:partition\\d+) "
                + "of job execution \\d+: starting").matcher(log(worker));
        String partition = null;
        while (m.find()) {
            partition = m.group(1);
        }
        if (partition == null) {
            return false;
        }
        try (Connection c = TestDatabase.connect(data); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '"
                        + partition + "' AND STATUS = 'STARTED' AND COMMIT_COUNT >= 3")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private int completedPartitions(Path data) {
        try {
            return partitionExecutions(data, "COMPLETED").size();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Partition name → number of its step executions (with the given status, or any). */
    private static Map<String, Integer> partitionExecutions(Path data, String status) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = TestDatabase.connect(data); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME "
                        + "LIKE 'screenCounterpartiesPartition:%'")) {
            while (rs.next()) {
                if (status == null || status.equals(rs.getString(2))) {
                    counts.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private void awaitOutput(String name, String text, Process p) throws Exception {
        await(name + " says '" + text + "'", () -> {
            try {
                return Files.readString(tmp.resolve(name + ".out")).contains(text);
            } catch (java.io.IOException e) {
                return false;
            }
        }, p);
    }

    private void await(String what, BooleanSupplier condition, Process mustLive) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!condition.getAsBoolean()) {
            assertThat(mustLive.isAlive()).as("the process ended while waiting for: " + what).isTrue();
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Path runDir(Path data, String date) throws Exception {
        try (var s = Files.list(data.resolve("runs").resolve(date))) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code vigil ARGS} in a new JVM (assertions off), its output in NAME.out and NAME.err. */
    private Process child(String name, Path data, Path config, List<String> db, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-da", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "io.vigil.batch.VigilApplication", "--data", data.toString(),
                "--config", config.toString()));
        command.addAll(List.of(args));
        command.addAll(db);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(TestDatabase.environment());
        Process p = builder.redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile()).start();
        started.add(p);
        return p;
    }

    /** A hits.csv line without its last two columns (status, decision_ref), which depend on the book's history. */
    private static String withoutStatus(String line) {
        return line.replaceFirst(",[^,]*,[^,]*$", "");
    }
}
