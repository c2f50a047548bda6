package io.vigil.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database is compacted once after a killed writing run, and only then. */
class EmbeddedDatabaseRecoveryTests {

    @TempDir
    Path data;

    private void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("vigil"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, V VARCHAR(10))");
            s.execute("INSERT INTO T VALUES (1, 'kept')");
        }
    }

    @Test
    void aLockFileStillNamingItsHolder_compactsTheDatabaseOnce_keepingItsRows() throws Exception {
        createDatabase();
        Files.writeString(data.resolve(RunLock.FILE_NAME), "pid 999999, screen 2026-11-20, since 2026-11-20T01:00:00Z\n");

        assertThat(EmbeddedDatabaseRecovery.afterKill(data)).hasValueSatisfying(notice -> assertThat(notice)
                .contains("pid 999999").contains("was killed").contains("compacted"));
        assertThat(Files.size(data.resolve(RunLock.FILE_NAME))).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("vigil"), "sa", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT V FROM T WHERE ID = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
        // once: the file is empty now
        assertThat(EmbeddedDatabaseRecovery.afterKill(data)).isEmpty();
    }

    @Test
    void aRunThatEndedCleanly_leavesAnEmptyLockFile_andNothingIsDone() throws Exception {
        createDatabase();
        try (RunLock lock = RunLock.acquire(data, "screen 2026-11-20", Instant.EPOCH)) {
            assertThat(Files.readString(data.resolve(RunLock.FILE_NAME))).contains("screen 2026-11-20");
            // while a run holds the lock, nothing is touched
            assertThat(EmbeddedDatabaseRecovery.afterKill(data)).isEmpty();
        }
        assertThat(Files.size(data.resolve(RunLock.FILE_NAME))).isZero();
        assertThat(EmbeddedDatabaseRecovery.afterKill(data)).isEmpty();
    }

    @Test
    void noEmbeddedDatabase_nothingIsDone() throws Exception {
        Files.writeString(data.resolve(RunLock.FILE_NAME), "pid 999999, screen, since 2026-11-20T01:00:00Z\n");
        assertThat(EmbeddedDatabaseRecovery.afterKill(data)).isEmpty();
    }
}
