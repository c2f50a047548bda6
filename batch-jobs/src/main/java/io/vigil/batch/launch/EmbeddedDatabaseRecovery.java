package io.vigil.batch.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Compacts the embedded H2 database once after a writing run was killed, before the next run opens it. A process
 * killed in the middle of a commit can leave a row that H2 2.x keeps locked by the dead transaction: the next update of
 * that row (marking the killed job's step failed, as {@code vigil restart} does) then waits forever. Rewriting the
 * store ({@code SHUTDOWN COMPACT}) drops such leftovers; measured on a data directory left that way, the update then
 * takes milliseconds.
 *
 * <p>A run that ended in any way other than a kill empties the lock file ({@link RunLock#close}); a lock file that
 * still names its holder while no process holds it says the holder was killed. Nothing is done while another
 * process holds the lock, for a database other than the embedded one, or when the data directory cannot be written.
 */
public final class EmbeddedDatabaseRecovery {

    private EmbeddedDatabaseRecovery() {
    }

    /**
     * Compacts {@code <data>/vigil.mv.db} when the last writing run on it was killed.
     *
     * @return what was done, for a one-line notice; empty when nothing was needed
     */
    public static Optional<String> afterKill(Path dataDir) {
        Path db = dataDir.resolve("vigil.mv.db");
        Path lockFile = dataDir.resolve(RunLock.FILE_NAME);
        try {
            if (!Files.isRegularFile(db) || !Files.isWritable(db) || !Files.isRegularFile(lockFile)
                    || Files.size(lockFile) == 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = RunLock.tryLock(channel);
            if (lock == null) {
                return Optional.empty(); // another run holds it: it will say so
            }
            try {
                String holder = RunLock.holder(channel);
                long started = System.nanoTime();
                compact(dataDir);
                channel.truncate(0);
                return Optional.of("the last run on " + dataDir + " (" + holder + ") was killed; its database was "
                        + "compacted before opening it again (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
            } finally {
                lock.release();
            }
        } catch (IOException | SQLException e) {
            return Optional.of("the last run on " + dataDir + " was killed, and compacting its database failed ("
                    + e.getMessage() + "); opening it as it is");
        }
    }

    private static void compact(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("vigil") + ";TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
    }
}
