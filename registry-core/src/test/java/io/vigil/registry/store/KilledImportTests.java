package io.vigil.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vigil.registry.imports.ImportResult;
import io.vigil.registry.imports.ListParserRegistry;
import io.vigil.registry.imports.RegistryImporter;
import io.vigil.registry.imports.SourceRequest;
import io.vigil.registry.model.Party;
import io.vigil.registry.testing.RegistryFixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a separate JVM ({@link ImportUntilKilled}) saves a large snapshot into an H2 file database and is
 * killed with SIGKILL while the snapshot transaction is inserting parties. Reopening the file must show the previous
 * snapshot ACTIVE and unchanged, not one row of the killed snapshot in any table, and the next import numbered 2.
 *
 * <p>This JVM reaches the database through H2 loaded in its own class loader with Java assertions OFF, as in
 * production. Reason: surefire runs tests with {@code -ea}, and with assertions on, H2 (2.5.252, and 2.3.232 too)
 * refuses to reopen such a file: an internal {@code assert} in {@code org.h2.mvstore.Chunk.accountForRemovedPage}
 * fails while it rolls back the killed transaction ({@code MVStoreException: java.lang.AssertionError: … chunk:…}).
 * With assertions off, the same file opens and the rollback is complete, which is what this test checks.
 */
class KilledImportTests {

    private static final Path SDN_FIXTURE = Path.of("src/test/resources/fixtures/ofac-csv/sdn");
    /** Parties the child saves: big enough that the commit is seconds away when the kill lands. */
    private static final int CHILD_PARTIES = 100_000;
    /** Party batches (of 1000 rows) the child writes before it says WRITING. */
    private static final int SIGNAL_AFTER_BATCHES = 5;
    /** SIGKILL as reported by {@link Process#exitValue()} on Linux: 128 + 9. */
    private static final int SIGKILL_EXIT = 137;
    private static final List<String> TABLES = List.of("REGISTRY_SNAPSHOT", "REGISTRY_SNAPSHOT_SOURCE",
            "REGISTRY_PARTY_CONTENT", "REGISTRY_SNAPSHOT_PARTY", "REGISTRY_PARTY_LINK", "REGISTRY_SNAPSHOT_COUNT",
            "REGISTRY_IMPORT_FAILURE");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void save_processKilledMidTransaction_previousSnapshotStaysActiveAndNothingHalfWritten() throws Exception {
        try (H2WithoutAssertions h2 = new H2WithoutAssertions()) {
            try {
                killAndReopen(h2, Files.createDirectories(tmp.resolve("first")));
            } catch (RegistryStoreException e) {
                // H2's MVStore has an open defect (h2database issues #4382, #4383) that can leave a file unreadable
                // after SIGKILL, whatever the application did: "Chunk N not found" on reopening. It is H2's, not a
                // half-written Vigil snapshot (that would fail the assertions below), so the scenario runs once more
                // in a new file; any other failure, or this one twice, fails the test. docs/operations.md says so.
                if (e.getMessage() == null || !e.getMessage().matches("(?s).*Chunk \\d+ not found.*")) {
                    throw e;
                }
                System.err.println("KilledImportTests: H2 could not reopen the killed file (" + e.getMessage()
                        + "); running the scenario once more");
                killAndReopen(h2, Files.createDirectories(tmp.resolve("second")));
            }
        }
    }

    private void killAndReopen(H2WithoutAssertions h2, Path tmp) throws Exception {
        long t0 = System.nanoTime();
        assertThat(h2.assertionsEnabled()).as("H2 loaded with Java assertions off").isFalse();
        // given snapshot 1 imported from the OFAC SDN fixture into an H2 file database
        Path dbPath = tmp.resolve("vigil").toAbsolutePath();
        Path dbFile = tmp.resolve("vigil.mv.db");
        DataSource db = h2.fileDb(dbPath);
        JdbcSnapshotStore store = new JdbcSnapshotStore(db, Clock.fixed(RegistryFixtures.T0, ZoneOffset.UTC));
        RegistryImporter importer = new RegistryImporter(ListParserRegistry.defaults(), store);
        ImportResult first = importer.importSources(List.of(new SourceRequest("ofac-sdn-csv", SDN_FIXTURE)));
        assertThat(first.snapshotId()).isEqualTo(1);
        assertThat(first.partyCount()).isEqualTo(10);
        SnapshotInfo infoBefore = store.find(1).orElseThrow();
        List<Party> partiesBefore = store.parties(1);
        Map<String, String> hashesBefore = store.contentHashes(1);
        Map<String, Long> rowsBefore = rowCounts(db);
        assertThat(rowsBefore).containsEntry("REGISTRY_SNAPSHOT", 1L).containsEntry("REGISTRY_SNAPSHOT_PARTY", 10L)
                .containsEntry("REGISTRY_PARTY_CONTENT", 10L).containsEntry("REGISTRY_IMPORT_FAILURE", 0L);
        long fileBytesBefore = Files.size(dbFile);
        long tGiven = System.nanoTime();

        // when a separate JVM saves 100,000 parties into the same file and is SIGKILLed once it is inserting parties
        Path childErr = tmp.resolve("child-stderr.txt");
        Process child = startChild(dbPath, childErr);
        String writing;
        List<String> childLines;
        long fileBytesAtKill;
        long tKill;
        try {
            ChildOutput output = new ChildOutput(child);
            writing = output.await("WRITING ", Duration.ofSeconds(40), childErr);
            if (!child.isAlive()) {
                fail("the child finished before it could be killed (exit " + child.exitValue() + ", output "
                        + output.lines() + "): raise CHILD_PARTIES so the kill lands mid-transaction");
            }
            fileBytesAtKill = Files.size(dbFile);
            tKill = System.nanoTime();
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child exits after SIGKILL").isTrue();
            childLines = output.drain();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("child exit: killed by SIGKILL, not finished; output " + childLines)
                .isEqualTo(SIGKILL_EXIT);
        assertThat(childLines).as("the child never committed").noneMatch(l -> l.startsWith("COMMITTED"));
        assertThat(writing).as("the killed transaction was writing snapshot 2").startsWith("WRITING snapshot=2 ")
                .contains(" contentRows=" + CHILD_PARTIES + " ");
        long partyRowsSent = lastPartyRows(writing, childLines);
        assertThat(partyRowsSent).isBetween(SIGNAL_AFTER_BATCHES * 1000L, CHILD_PARTIES - 1000L);
        assertThat(fileBytesAtKill).as("uncommitted rows of the killed transaction had reached the file")
                .isGreaterThan(fileBytesBefore);

        // then, reopened in this JVM, snapshot 1 is still the ACTIVE one and the only one visible, unchanged
        long tReopen = System.nanoTime();
        JdbcSnapshotStore reopened = new JdbcSnapshotStore(h2.fileDb(dbPath),
                Clock.fixed(RegistryFixtures.T0.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        long tReopened = System.nanoTime();
        assertThat(reopened.active()).contains(infoBefore);
        assertThat(reopened.active().orElseThrow().status()).isEqualTo(SnapshotStatus.ACTIVE);
        assertThat(reopened.list()).containsExactly(infoBefore);
        assertThat(reopened.find(2)).isEmpty();
        assertThat(reopened.parties(1)).hasSize(10).isEqualTo(partiesBefore);
        assertThat(reopened.contentHashes(1)).isEqualTo(hashesBefore);
        assertThat(reopened.party(1, "ofac:43598").orElseThrow().primaryName()).isEqualTo("CHOE, Chol Min");
        assertThat(reopened.failedImports()).isEmpty();
        // and not one row of the killed snapshot is left in any table (no PENDING row, no orphan content)
        DataSource plain = h2.fileDb(dbPath);
        assertThat(count(plain, "SELECT COUNT(*) FROM REGISTRY_SNAPSHOT WHERE id <> 1")).as("snapshot rows but 1")
                .isZero();
        assertThat(count(plain, "SELECT COUNT(*) FROM REGISTRY_SNAPSHOT WHERE status = 'PENDING'")).as("PENDING rows")
                .isZero();
        for (String table : Schema.SNAPSHOT_TABLES) {
            assertThat(count(plain, "SELECT COUNT(*) FROM " + table + " WHERE snapshot_id <> 1")).as(table).isZero();
        }
        assertThat(count(plain, "SELECT COUNT(*) FROM REGISTRY_SNAPSHOT_PARTY WHERE snapshot_id = 1")).isEqualTo(10);
        assertThat(rowCounts(plain)).as("rows per table, before vs after the kill").isEqualTo(rowsBefore);

        // and the next import succeeds as snapshot 2, superseding snapshot 1
        ImportResult second = new RegistryImporter(ListParserRegistry.defaults(), reopened)
                .importSources(List.of(new SourceRequest("ofac-sdn-csv", SDN_FIXTURE)));
        assertThat(second.snapshotId()).isEqualTo(2);
        assertThat(reopened.list()).extracting(SnapshotInfo::id, SnapshotInfo::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, SnapshotStatus.SUPERSEDED),
                org.assertj.core.groups.Tuple.tuple(2L, SnapshotStatus.ACTIVE));
        assertThat(reopened.active().orElseThrow().partyCount()).isEqualTo(10);
        assertThat(reopened.parties(2)).isEqualTo(partiesBefore);
        assertThat(count(plain, "SELECT COUNT(*) FROM REGISTRY_SNAPSHOT_PARTY")).isEqualTo(20);
        long tEnd = System.nanoTime();
        System.out.printf(Locale.ROOT, "KilledImportTests: %s; party rows sent before the kill: %d of %d "
                + "(after %d content rows); db file %d -> %d bytes at the kill; setup %d ms, child start to kill "
                + "%d ms, reopen %d ms, total %d ms%n", writing, partyRowsSent, CHILD_PARTIES, CHILD_PARTIES,
                fileBytesBefore, fileBytesAtKill, millis(t0, tGiven), millis(tGiven, tKill),
                millis(tReopen, tReopened), millis(t0, tEnd));
    }

    private static Process startChild(Path dbPath, Path childErr) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs this test"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8"));
        for (String p : List.of("user.language", "user.country", "user.timezone")) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ImportUntilKilled.class.getName(),
                dbPath.toString(), Integer.toString(CHILD_PARTIES), Integer.toString(SIGNAL_AFTER_BATCHES)));
        return new ProcessBuilder(command).redirectError(childErr.toFile()).start();
    }

    private static long lastPartyRows(String writing, List<String> lines) {
        long rows = Long.parseLong(writing.substring(writing.indexOf("partyRows=") + "partyRows=".length()));
        for (String l : lines) {
            if (l.startsWith("PARTIES ")) {
                rows = Math.max(rows, Long.parseLong(l.substring("PARTIES ".length())));
            }
        }
        return rows;
    }

    /**
     * The project's H2 jar in a class loader of its own whose classes run with Java assertions off (see the class
     * comment); only {@code javax.sql} is shared with the test, through the platform class loader.
     */
    private static final class H2WithoutAssertions implements AutoCloseable {
        private final URLClassLoader loader;

        H2WithoutAssertions() {
            URL jar = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
            loader = new URLClassLoader("h2-without-assertions", new URL[] {jar},
                    ClassLoader.getPlatformClassLoader());
            loader.setDefaultAssertionStatus(false);
        }

        DataSource fileDb(Path dbPath) throws ReflectiveOperationException {
            Object ds = loader.loadClass("org.h2.jdbcx.JdbcDataSource").getConstructor().newInstance();
            ds.getClass().getMethod("setURL", String.class).invoke(ds, "jdbc:h2:file:" + dbPath);
            return (DataSource) ds;
        }

        boolean assertionsEnabled() throws ClassNotFoundException {
            return loader.loadClass("org.h2.mvstore.Chunk").desiredAssertionStatus();
        }

        @Override
        public void close() throws IOException {
            loader.close();
        }
    }

    private static Map<String, Long> rowCounts(DataSource db) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        for (String table : TABLES) {
            out.put(table, count(db, "SELECT COUNT(*) FROM " + table));
        }
        return out;
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    /** The child's stdout, read line by line on a daemon thread; an EOF marker in the queue ends it. */
    private static final class ChildOutput {
        private static final String EOF = "\u0000EOF";
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final List<String> seen = new ArrayList<>();
        private final Thread reader;

        ChildOutput(Process child) {
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        queue.add(line);
                    }
                } catch (IOException e) {
                    queue.add("READ FAILED " + e.getMessage());
                } finally {
                    queue.add(EOF);
                }
            }, "killed-import-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for the first line starting with {@code prefix}; fails clearly on COMMITTED, end or timeout. */
        String await(String prefix, Duration timeout, Path childErr) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF) || line.startsWith("COMMITTED")) {
                    fail((line == null ? "no " + prefix.strip() + " from the child within " + timeout
                            : line.equals(EOF) ? "the child ended without " + prefix.strip()
                            : "the child committed before it could be killed (raise CHILD_PARTIES)")
                            + "; stdout " + seen + ", stderr: " + Files.readString(childErr, StandardCharsets.UTF_8));
                }
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        /** Every line after the awaited one, up to the end of the stream (call after the child exited). */
        List<String> drain() throws InterruptedException {
            List<String> rest = new ArrayList<>();
            for (String line = queue.poll(10, TimeUnit.SECONDS); line != null && !line.equals(EOF);
                    line = queue.poll(10, TimeUnit.SECONDS)) {
                rest.add(line);
            }
            seen.addAll(rest);
            return rest;
        }

        List<String> lines() {
            return List.copyOf(seen);
        }
    }
}
