package io.vigil.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The global options ({@code --config DIR}, {@code --data DIR}, {@code --db JDBC_URL}, {@code --db-password-file
 * FILE}, and Spring overrides such as {@code --spring.datasource.url=…}) found anywhere on the command line, resolved
 * before Spring starts.
 *
 * @param configDir the configuration directory, default {@code <home>/config}
 * @param dataDir the data directory (database, list cache, run outputs), default {@code <home>/data}
 * @param commandArgs the arguments for picocli (global options included, so help shows them)
 * @param springArgs {@code --spring.*}/{@code --logging.*} overrides passed to Spring
 */
record LaunchOptions(Path configDir, Path dataDir, String[] commandArgs, String[] springArgs) {

    /** Commands that only read the data directory, so they work on a read-only one. */
    static final Set<String> READ_ONLY_COMMANDS = Set.of("registry", "search", "jobs", "alerts", "verify",
            "report", "decisions");

    /** Commands that need neither the database nor the configuration. */
    private static final Set<String> STANDALONE = Set.of("help", "--help", "-h", "--version", "-V");

    static LaunchOptions parse(String[] args, String home) {
        Path base = home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
        Path config = base.resolve("config");
        Path data = base.resolve("data");
        List<String> command = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--spring.") || a.startsWith("--logging.") || a.startsWith("--vigil.")) {
                if (a.startsWith("--spring.datasource.password") || a.startsWith("--spring.datasource.url=")
                        && a.contains("password=")) {
                    // a password on the command line is visible to every user of the machine (ps, shell history)
                    throw new IllegalArgumentException("put no database password on the command line; set "
                            + "VIGIL_DB_PASSWORD or VIGIL_DB_PASSWORD_FILE in the environment, or --db-password-file");
                }
                spring.add(a);
                continue;
            }
            if (a.equals("--db") || a.startsWith("--db=")) {
                String url = a.equals("--db") ? (i + 1 < args.length ? args[++i] : null) : a.substring(5);
                if (url == null || !url.startsWith("jdbc:")) {
                    throw new IllegalArgumentException("--db needs a JDBC URL (jdbc:postgresql://host:5432/vigil); "
                            + "credentials come from spring.datasource.* or the environment, never the command line");
                }
                if (url.contains("password=")) {
                    throw new IllegalArgumentException("--db: put no password in the URL; set VIGIL_DB_PASSWORD or "
                            + "VIGIL_DB_PASSWORD_FILE in the environment, or --db-password-file");
                }
                spring.add("--spring.datasource.url=" + url);
                continue;
            }
            if (a.equals("--db-password-file") || a.startsWith("--db-password-file=")) {
                String file = a.equals("--db-password-file") ? (i + 1 < args.length ? args[++i] : null)
                        : a.substring("--db-password-file=".length());
                if (file == null || file.isBlank()) {
                    throw new IllegalArgumentException("--db-password-file needs a file holding the database password");
                }
                // only the file's name is passed on; DatabaseCredentials reads the password when the pool is made
                spring.add("--vigil.db.password-file=" + Path.of(file).toAbsolutePath());
                continue;
            }
            command.add(a);
            if (a.equals("--config") || a.equals("--data")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a directory");
                }
                Path p = Path.of(args[i + 1]).toAbsolutePath();
                if (a.equals("--config")) {
                    config = p;
                } else {
                    data = p;
                }
            } else if (a.startsWith("--config=")) {
                config = Path.of(a.substring(9)).toAbsolutePath();
            } else if (a.startsWith("--data=")) {
                data = Path.of(a.substring(7)).toAbsolutePath();
            }
        }
        boolean configGiven = command.stream().anyMatch(a -> a.equals("--config") || a.startsWith("--config="));
        if (configGiven && !Files.isDirectory(config)) {
            throw new IllegalArgumentException("--config " + config + ": no such directory");
        }
        boolean dataGiven = command.stream().anyMatch(a -> a.equals("--data") || a.startsWith("--data="));
        if (!dataGiven && command.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("").equals("demo")) {
            // the demo never touches the production registry
            data = data.resolve("demo");
        }
        return new LaunchOptions(config.normalize(), data.normalize(), command.toArray(String[]::new),
                spring.toArray(String[]::new));
    }

    /** True for help and version requests, which are answered without starting Spring. */
    boolean needsNoContext() {
        if (commandArgs.length == 0) {
            return true;
        }
        for (String a : commandArgs) {
            if (STANDALONE.contains(a) && !a.equals("help")) {
                return true;
            }
        }
        // the embedded broker needs no database and no configuration
        return commandArgs[0].equals("help") || commandArgs[0].equals("broker");
    }

    /** Defaults that application.yml in the config directory may override. */
    /** True when the data directory exists but cannot be written (its database is then opened read-only). */
    boolean readOnlyData() {
        Path db = dataDir.resolve("vigil.mv.db");
        return Files.isDirectory(dataDir) && (!Files.isWritable(dataDir) || Files.exists(db) && !Files.isWritable(db));
    }

    /** The command's name (the first argument that is not an option or an option's value), or empty. */
    String commandName() {
        for (int i = 0; i < commandArgs.length; i++) {
            String a = commandArgs[i];
            if (a.equals("--config") || a.equals("--data")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    Map<String, Object> defaultProperties() {
        return defaultProperties(readOnlyData());
    }

    /** The defaults for a data directory that can or cannot be written. */
    Map<String, Object> defaultProperties(boolean readOnly) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vigil.config-dir", configDir.toString());
        p.put("vigil.data-dir", dataDir.toString());
        if (readOnly) {
            // read-only commands on a read-only data directory: open H2 read-only, create no table, log elsewhere
            p.put("vigil.h2-access", ";ACCESS_MODE_DATA=r");
            p.put("vigil.db.migrate", "false");
            p.put("vigil.log-file", Path.of(System.getProperty("java.io.tmpdir"), "vigil-" + System.getProperty(
                    "user.name", "user") + ".log").toString());
        }
        if (Files.isDirectory(configDir)) {
            p.put("spring.config.additional-location", "optional:file:" + configDir + "/");
        }
        return p;
    }
}
