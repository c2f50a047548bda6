package io.vigil.batch.cli;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.launch.RunLock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil restart EXECUTION_ID}: restarts a failed or stopped execution from its last commit point. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restarts a failed or stopped job execution from its last commit point.")
class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXECUTION_ID", description = "As shown by 'vigil jobs'.")
    long executionId;

    private final JobRuns runs;
    private final VigilProperties properties;
    private final java.time.Clock clock;

    private final io.vigil.batch.nightly.NightlyLauncher nightly;

    RestartCommand(JobRuns runs, io.vigil.batch.nightly.NightlyLauncher nightly, VigilProperties properties,
            java.time.Clock clock) {
        this.runs = runs;
        this.nightly = nightly;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        try (RunLock lock = RunLock.acquire(properties.dataDir(), "restart " + executionId, clock.instant())) {
            return ScreenCommand.report(runs.restart(executionId), nightly, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
