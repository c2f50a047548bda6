package io.vigil.batch.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.Environment;

/**
 * Reads the database password from the file named by {@code vigil.db.password-file} (set in
 * {@code config/application.yml}, by {@code VIGIL_DB_PASSWORD_FILE} in the environment, or by
 * {@code --db-password-file FILE}), so the password is neither on the command line nor in a configuration file that
 * is shared more widely than the secret. One trailing line break is dropped. Without the setting, the password is
 * {@code spring.datasource.password}, whose default is {@code VIGIL_DB_PASSWORD} from the environment.
 *
 * <p>Example: a file holding {@code s3cret\n} → the pool connects with password {@code s3cret}.
 */
final class DatabaseCredentials implements BeanPostProcessor {

    static final String PASSWORD_FILE = "vigil.db.password-file";

    private final Environment environment;

    DatabaseCredentials(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        // after initialization: the properties are bound by then, and the pool is made from them later
        if (bean instanceof DataSourceProperties properties) {
            String file = environment.getProperty(PASSWORD_FILE, "");
            if (!file.isBlank()) {
                properties.setPassword(readPassword(Path.of(file)));
            }
        }
        return bean;
    }

    static String readPassword(Path file) {
        try {
            String text = Files.readString(file);
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            return text;
        } catch (IOException e) {
            // the message names the file, never its content; no cause, so the one-line start-up error is this one
            throw new IllegalStateException(PASSWORD_FILE + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
