package io.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.batch.VigilRunner.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database itself: the versioned migrations (Flyway) on H2 and PostgreSQL, an H2 file made before Flyway, and
 * credentials kept out of the output and the log. Runs on H2 by default and on PostgreSQL with
 * {@code -Dvigil.test.db=postgresql} (see {@link TestDatabase}).
 */
class DatabaseFunctionalTests {

    /** One table of each owner: Spring Batch, the registry, screening results, alerts, the decision log. */
    private static final List<String> TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_STEP_EXECUTION_CONTEXT",
            "REGISTRY_SNAPSHOT", "REGISTRY_PARTY_CONTENT", "SCREENING_HIT", "SCREENING_RUN", "CITATION_SET", "ALERT",
            "ALERT_SIGHTING", "ALERT_DECISION", "ALERT_RUN", "SCREENED_RECORDS", "SCREENING_SCOPE", "MATCHING_WEIGHTS",
            "REGISTRY_SNAPSHOT_HASH");

    @TempDir
    Path tmp;

    Path data;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("data");
        config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "vigil:\n  registry:\n    sources: []\n");
    }

    @Test
    void firstStart_migratesAnEmptyDatabase_andEveryTableIsInIt() throws Exception {
        // when
        VigilRunner vigil = new VigilRunner(data, config);
        Result imported = vigil.importDemoSdnAndNotices(tmp);

        // then
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(tables()).containsAll(TABLES);
        assertThat(versions()).containsExactly("1", "2", "3", "4", "5");
        assertThat(query("SELECT COUNT(*) FROM REGISTRY_SNAPSHOT")).containsExactly("1");
        // the import wrote the matching index file, keyed by the snapshot's content hash, which is kept
        assertThat(query("SELECT snapshot_id || ':' || LENGTH(content_hash) FROM REGISTRY_SNAPSHOT_HASH"))
                .containsExactly("1:64");
        if (TestDatabase.postgresql()) {
            assertThat(query("SELECT version()")).singleElement().asString().startsWith("PostgreSQL");
        }

        // and a second start finds the schema current and changes nothing
        assertThat(vigil.run("jobs").exitCode()).isZero();
        assertThat(versions()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void h2DatabaseFromBeforeFlyway_isBaselined_upgraded_andKeepsItsRows() throws Exception {
        assumeFalse(TestDatabase.postgresql(), "an H2 data directory only");
        // given: the schema as an older Vigil left it (no report or alert columns, no citation set), with a row
        try (Connection c = TestDatabase.connect(data); Statement st = c.createStatement()) {
            for (String script : List.of("V1__spring_batch_job_repository.sql", "V2__registry_snapshots.sql")) {
                for (String sql : statements(script)) {
                    st.execute(sql);
                }
            }
            for (String sql : statements("V3__screening_results_and_alerts.sql")) {
                if (sql.startsWith("ALTER")) {
                    break;
                }
                st.execute(sql);
            }
            st.execute("INSERT INTO REGISTRY_IMPORT_FAILURE (id, failed_at, message) VALUES (1, CURRENT_TIMESTAMP, "
                    + "'an old failure')");
        }

        // when
        VigilRunner vigil = new VigilRunner(data, config);
        Result imported = vigil.importDemoSdnAndNotices(tmp);

        // then
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(query("SELECT \"version\" || ':' || \"type\" FROM \"flyway_schema_history\" WHERE \"version\" "
                + "IS NOT NULL ORDER BY \"installed_rank\"")).containsExactly("0:BASELINE", "1:SQL", "2:SQL", "3:SQL", "4:SQL",
                        "5:SQL");
        assertThat(query("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'SCREENING_HIT' AND "
                + "COLUMN_NAME IN ('ALERT_ID', 'CITATION_KEY')")).containsExactlyInAnyOrder("ALERT_ID", "CITATION_KEY");
        assertThat(tables()).containsAll(TABLES);
        assertThat(query("SELECT message FROM REGISTRY_IMPORT_FAILURE")).containsExactly("an old failure");
    }

    @Test
    void passwordFile_isRead_andThePasswordIsPrintedNowhere() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "H2's embedded database takes no password");
        // given: a password in a file (the test server trusts local connections, so any password connects)
        String secret = "pw-" + Long.toHexString(System.nanoTime());
        Path passwordFile = Files.writeString(tmp.resolve("db-password"), secret + "\n");
        VigilRunner vigil = new VigilRunner(data, config);

        // when
        Result imported = vigil.importDemoSdnAndNotices(tmp);
        Result jobs = vigil.run("jobs", "--db-password-file", passwordFile.toString());

        // then
        assertThat(imported.exitCode()).isZero();
        assertThat(jobs.exitCode()).as(jobs.toString()).isZero();
        assertThat(jobs.out() + jobs.err()).doesNotContain(secret);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(secret);
            }
        }
    }

    @Test
    void unreadablePasswordFile_isAConfigurationError_namingTheFile() throws Exception {
        Result r = new VigilRunner(data, config).run("jobs", "--db-password-file", tmp.resolve("absent").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("vigil.db.password-file: cannot read " + tmp.resolve("absent"))
                .doesNotContain("\tat ");
    }

    @Test
    void unreachablePostgresql_isAConfigurationError_inTwoLines_withoutThePassword() throws Exception {
        // given: a port nobody listens on, and a password in the environment's stead
        String secret = "pw-" + Long.toHexString(System.nanoTime());
        Path passwordFile = Files.writeString(tmp.resolve("db-password"), secret);
        Path emptyData = tmp.resolve("other-data");

        // when
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigilApplication.run(new PrintWriter(out, true), new PrintWriter(err, true), "jobs", "--data",
                emptyData.toString(), "--config", config.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/vigil",
                "--db-password-file", passwordFile.toString(),
                "--spring.datasource.hikari.initialization-fail-timeout=1");

        // then
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("vigil: configuration error:").contains("127.0.0.1:1")
                .doesNotContain(secret).doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(2);
        assertThat(out.toString()).isEmpty();
        try (Stream<Path> files = Files.walk(emptyData)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
            }
        }
    }

    /** The migrations applied, in order (Flyway's own marker rows, which have no version, left out). */
    private List<String> versions() throws SQLException {
        return query("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL AND "
                + "\"success\" = TRUE ORDER BY \"installed_rank\"");
    }

    private List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        for (String t : query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES")) {
            out.add(t.toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(data); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** The statements of an H2 migration, comments dropped. */
    private static List<String> statements(String script) throws Exception {
        String text;
        try (var in = DatabaseFunctionalTests.class.getResourceAsStream("/db/migration/h2/" + script)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("--")) {
                sb.append(line).append('\n');
            }
        }
        for (String s : sb.toString().split(";\\s*\n")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
