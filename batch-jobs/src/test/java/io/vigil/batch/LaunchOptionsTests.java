package io.vigil.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Global options resolved before Spring starts: --db, --db-password-file, and a read-only data directory. */
class LaunchOptionsTests {

    @TempDir
    Path tmp;

    @Test
    void readOnlyDataDirectory_opensTheDatabaseReadOnly_createsNoTable_andLogsElsewhere() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"registry", "status", "--data", tmp.toString()},
                null);

        Map<String, Object> readOnly = options.defaultProperties(true);
        Map<String, Object> writable = options.defaultProperties(false);

        assertThat(readOnly).containsEntry("vigil.h2-access", ";ACCESS_MODE_DATA=r")
                .containsEntry("vigil.db.migrate", "false");
        assertThat((String) readOnly.get("vigil.log-file")).doesNotStartWith(tmp.toString());
        assertThat(writable).doesNotContainKeys("vigil.h2-access", "vigil.db.migrate", "vigil.log-file");
        assertThat(options.commandName()).isEqualTo("registry");
        assertThat(LaunchOptions.READ_ONLY_COMMANDS).contains("registry", "search", "jobs", "alerts", "verify")
                .doesNotContain("screen", "nightly", "import-lists", "decide", "demo");
    }

    @Test
    void db_becomesTheDatasourceUrl_andRefusesAPasswordOnTheCommandLine() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"jobs", "--db",
            "jdbc:postgresql://db:5432/vigil"}, null);
        assertThat(List.of(options.springArgs())).containsExactly(
                "--spring.datasource.url=jdbc:postgresql://db:5432/vigil");
        assertThat(List.of(options.commandArgs())).containsExactly("jobs");

        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"jobs", "--db",
            "jdbc:postgresql://db/vigil?password=secret"}, null)).hasMessageContaining("no password");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"jobs", "--db", "postgres"}, null))
                .hasMessageContaining("JDBC URL");
    }

    @Test
    void dbPasswordFile_passesOnlyTheFilesName() throws Exception {
        Path file = Files.writeString(tmp.resolve("pw"), "s3cret\n");
        LaunchOptions options = LaunchOptions.parse(new String[] {"jobs", "--db-password-file", file.toString()},
                null);
        assertThat(List.of(options.springArgs())).containsExactly("--vigil.db.password-file=" + file);
        assertThat(String.join(" ", options.springArgs())).doesNotContain("s3cret");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"jobs", "--db-password-file"}, null))
                .hasMessageContaining("--db-password-file");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"jobs", "--spring.datasource.password=x"}, null))
                .hasMessageContaining("no database password on the command line");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"jobs",
            "--spring.datasource.url=jdbc:postgresql://db/vigil?password=x"}, null))
                .hasMessageContaining("no database password on the command line");
    }
}
