package io.vigil.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.mock.env.MockEnvironment;

/** The database password read from {@code vigil.db.password-file}. */
class DatabaseCredentialsTests {

    @TempDir
    Path tmp;

    @Test
    void passwordFile_setsThePassword_withoutItsTrailingLineBreak() throws Exception {
        Path file = Files.writeString(tmp.resolve("pw"), "s3cret \r\n");
        DataSourceProperties properties = new DataSourceProperties();
        properties.setPassword("from-the-environment");

        new DatabaseCredentials(new MockEnvironment().withProperty(DatabaseCredentials.PASSWORD_FILE, file.toString()))
                .postProcessAfterInitialization(properties, "dataSourceProperties");

        // only the line break goes: a trailing space may be part of a password
        assertThat(properties.getPassword()).isEqualTo("s3cret ");
    }

    @Test
    void noPasswordFile_leavesThePasswordAlone() {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setPassword("from-the-environment");
        new DatabaseCredentials(new MockEnvironment()).postProcessAfterInitialization(properties, "x");
        assertThat(properties.getPassword()).isEqualTo("from-the-environment");
    }

    @Test
    void unreadableFile_namesTheFile_notItsContent() {
        assertThatThrownBy(() -> DatabaseCredentials.readPassword(tmp.resolve("absent")))
                .hasMessageContaining("absent").hasMessageContaining("vigil.db.password-file");
    }
}
