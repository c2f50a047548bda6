package io.vigil.batch.cli;

import io.vigil.batch.VigilVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root {@code vigil} command: global options and the list of subcommands. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilVersion.class,
        description = "Nightly sanctions screening: list registry, matching, batch jobs and audit reports.",
        subcommands = {DemoCommand.class, ImportListsCommand.class, RegistryCommand.class, SearchCommand.class,
                ScreenCommand.class, RestartCommand.class, JobsCommand.class, GenerateSampleCommand.class, NightlyCommand.class, AlertsCommand.class, DecideCommand.class, DecisionsCommand.class,
                ReportCommand.class, VerifyCommand.class, LookbackCommand.class, PurgeCommand.class,
                WorkerCommand.class, BrokerCommand.class},
        footer = {"", "Exit codes: 0 completed, 2 usage or configuration error, 3 bad or missing input,",
                "4 job failed (restartable), 5 another run holds the lock. See docs/operations.md."})
class VigilCommand {

    @Option(names = "--config", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Configuration directory (default: ./config of the installation).")
    String configDir;

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory: H2 database, list cache and run outputs (default: ./data).")
    String dataDir;

    // --db and --db-password-file are taken off the command line before picocli runs (LaunchOptions); these two
    // fields only show them in the help
    @Option(names = "--db", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Database instead of the H2 file in the data directory, e.g. "
                    + "jdbc:postgresql://HOST:5432/vigil. User and password from VIGIL_DB_USER and VIGIL_DB_PASSWORD "
                    + "or VIGIL_DB_PASSWORD_FILE, never from the command line.")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File holding only the database password.")
    String dbPasswordFile;
}
