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
                ReportCommand.class, VerifyCommand.class, LookbackCommand.class, PurgeCommand.class},
        footer = {"", "Exit codes: 0 completed, 2 usage or configuration error, 3 bad or missing input,",
                "4 job failed (restartable), 5 another run holds the lock. See docs/operations.md."})
class VigilCommand {

    @Option(names = "--config", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Configuration directory (default: ./config of the installation).")
    String configDir;

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory: H2 database, list cache and run outputs (default: ./data).")
    String dataDir;
}
