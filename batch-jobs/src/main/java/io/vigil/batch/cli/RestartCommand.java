package io.vigil.batch.cli;

import io.vigil.batch.screening.ScreeningLauncher;
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

    private final ScreeningLauncher launcher;

    RestartCommand(ScreeningLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        return ScreenCommand.report(launcher.restart(executionId), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
